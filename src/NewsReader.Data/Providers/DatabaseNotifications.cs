namespace NewsReader.Data.Providers;

/// <summary>Short messages between the app instances that share a database: new articles for the front pages open
/// elsewhere, a job queued for a worker elsewhere. Each instance hears only the others' messages (its own it has
/// already acted on). On SQLite there is one instance, so nothing crosses.</summary>
public abstract class DatabaseNotifications
{
    /// <summary>Raised with a message's channel and payload, on a background thread, for messages from other instances.</summary>
    public event Action<string, string>? Received;

    /// <summary>Tells the other instances, without waiting; a message that cannot be sent is lost (each is a hint:
    /// workers also look on a timer, and a reader can reload).</summary>
    public abstract void Send(string channel, string payload);

    /// <summary>Hears the other instances' messages until cancelled (run by a background service).</summary>
    public abstract Task ListenAsync(CancellationToken cancellationToken);

    protected void Raise(string channel, string payload) => Received?.Invoke(channel, payload);
}

/// <summary>One process, one database file: nothing to tell anyone.</summary>
internal sealed class LocalNotifications : DatabaseNotifications
{
    public override void Send(string channel, string payload)
    {
    }

    public override Task ListenAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
