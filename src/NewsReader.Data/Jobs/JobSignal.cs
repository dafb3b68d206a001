using NewsReader.Data.Providers;

namespace NewsReader.Data.Jobs;

/// <summary>A job was queued: a worker, on whichever instance wakes first, takes it.</summary>
public sealed class JobSignal(DatabaseNotifications notifications) : WakeSignal(notifications, "newsreader_jobs");
