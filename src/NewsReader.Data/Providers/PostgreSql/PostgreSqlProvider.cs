using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsReader.Data.Importing;
using NewsReader.Data.Search;
using Npgsql;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary>A server shared by several app instances: <c>tsvector</c> columns with GIN indexes for search, native
/// <c>timestamptz</c> instants, an advisory lock around start-up and <c>LISTEN</c>/<c>NOTIFY</c> between instances.</summary>
internal sealed class PostgreSqlProvider() : DatabaseProvider("NewsReader.Migrations.PostgreSql")
{
    /// <summary>The advisory lock start-up holds: any number the app's other lock
    /// (<see cref="PostgreSqlSearchIndex.EntriesLock"/>) does not use.</summary>
    private const long StartUpLock = 0x4e657773_52656164;

    public override string Name => "PostgreSQL";

    internal override ISearchIndex Search { get; } = new PostgreSqlSearchIndex();

    internal override IArticleBulkWriter BulkWriter { get; } = new PostgreSqlBulkWriter();

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>Instants are <c>timestamptz</c>, which orders and compares in SQL as it is.</summary>
    internal override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
    }

    /// <summary>Nothing: the server's settings are the operator's (docs/deployment.md).</summary>
    internal override Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A session-level advisory lock on a connection of its own, held until disposed. The database must
    /// exist (the operator creates it, or the first instance does here, before it locks).</summary>
    internal override async Task<IAsyncDisposable> LockStartUpAsync(string connectionString, CancellationToken cancellationToken)
    {
        await CreateDatabaseAsync(connectionString, cancellationToken);
        // Unpooled: the lock belongs to the session, which must end with it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // No timeout: another instance may hold the lock for as long as its migrations take, and lets go when it ends.
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartUpLock})", connection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new Held(connection);
    }

    internal override DatabaseNotifications CreateNotifications(string connectionString, ILogger logger) =>
        new PostgreSqlNotifications(connectionString, logger);

    /// <summary>The server checks each page as it reads it when data checksums are on; what it has found is counted
    /// per database. (Checking every index is amcheck's work, an extension the operator may add.)</summary>
    internal override async Task<List<string>> CheckIntegrityAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        var failures = await db.Database.SqlQueryRaw<long>(
            "SELECT COALESCE(checksum_failures, 0) AS \"Value\" FROM pg_stat_database WHERE datname = current_database()").SingleAsync(cancellationToken);
        return failures == 0 ? [] : [$"PostgreSQL has found {failures} page(s) with a bad checksum in this database."];
    }

    public override Task BackupAsync(string connectionString, string file, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("On PostgreSQL, back up with pg_dump while the app runs (docs/deployment.md, \"Backups\").");

    /// <summary>Creates the database named in the connection string when it does not exist, from the server's
    /// maintenance database; another instance creating it at the same moment is no error.</summary>
    private static async Task CreateDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? target.Username ?? throw new InvalidOperationException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created by another instance meanwhile.
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartUpLock})", connection))
            {
                await command.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
