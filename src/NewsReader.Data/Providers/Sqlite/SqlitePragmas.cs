using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsReader.Data.Providers.Sqlite;

/// <summary>Sets per-connection SQLite options each time a connection opens: the page and the
/// importer may write at once, and a writer should wait for the lock rather than fail.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // In WAL mode, synchronous=NORMAL still never corrupts the database; it syncs at checkpoints rather than
    // at every commit, which makes imports many times faster.
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
