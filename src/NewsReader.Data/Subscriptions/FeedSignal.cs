using NewsReader.Data.Providers;

namespace NewsReader.Data.Subscriptions;

/// <summary>A feed was added or asked to be polled now.</summary>
public sealed class FeedSignal(DatabaseNotifications notifications) : WakeSignal(notifications, "newsreader_feeds");
