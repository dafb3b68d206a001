namespace NewsReader.Data.Jobs;

/// <summary>Wakes the job worker when a job is queued in this process.</summary>
public sealed class JobSignal : WakeSignal;
