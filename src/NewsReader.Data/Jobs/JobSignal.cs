namespace NewsReader.Data.Jobs;

/// <summary>Wakes this process's worker when a job is queued here, so that it starts at once instead of at its next
/// look at the table (which is how it hears of jobs that other instances queue).</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a signal, or for the timeout; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
