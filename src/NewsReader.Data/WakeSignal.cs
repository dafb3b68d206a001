using NewsReader.Data.Providers;

namespace NewsReader.Data;

/// <summary>Wakes a background worker at once (a job queued, a feed added), instead of at its next timed look. An
/// <see cref="Announce"/> wakes the workers of the other instances on the database too. One wake-up stands for any
/// number of signals.</summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);
    private readonly DatabaseNotifications notifications;
    private readonly string channel;

    protected WakeSignal(DatabaseNotifications notifications, string channel)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        this.notifications = notifications;
        this.channel = channel;
        notifications.Received += OnReceived;
    }

    /// <summary>Wakes this process's worker.</summary>
    public void Notify()
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

    /// <summary>Wakes the workers of every instance.</summary>
    public void Announce()
    {
        Notify();
        notifications.Send(channel, "");
    }

    /// <summary>Waits for a signal, or for the timeout; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    private void OnReceived(string received, string payload)
    {
        if (received == channel)
        {
            Notify();
        }
    }

    public void Dispose()
    {
        notifications.Received -= OnReceived;
        semaphore.Dispose();
        GC.SuppressFinalize(this);
    }
}
