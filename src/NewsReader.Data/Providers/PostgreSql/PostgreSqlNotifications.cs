using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary><c>NOTIFY</c> to send, and one connection that <c>LISTEN</c>s on every channel the app uses. Each message
/// carries this process's id, so that it can tell its own messages (which PostgreSQL delivers to it too) from the others'.</summary>
internal sealed class PostgreSqlNotifications(string connectionString, ILogger logger) : DatabaseNotifications
{
    /// <summary>Every channel, so that one listening connection hears them all.</summary>
    private const string ListenSql = "LISTEN newsreader_arrivals; LISTEN newsreader_jobs; LISTEN newsreader_feeds";

    private readonly string instance = Guid.NewGuid().ToString("N");

    public override void Send(string channel, string payload) => _ = SendAsync(channel, payload);

    private async Task SendAsync(string channel, string payload)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", channel);
            command.Parameters.AddWithValue("payload", $"{instance}:{payload}");
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A hint lost: workers look on a timer as well.
            logger.LogWarning(e, "Could not tell the other instances on {Channel}", channel);
        }
    }

    /// <summary>Listens until cancelled; a dropped connection is opened again after a pause.</summary>
    public override async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && e.Payload[..colon] != instance)
                    {
                        Raise(e.Channel, e.Payload[(colon + 1)..]);
                    }
                };
                await using (var listen = new NpgsqlCommand(ListenSql, connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                logger.LogWarning(e, "Listening to the other instances failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }
}
