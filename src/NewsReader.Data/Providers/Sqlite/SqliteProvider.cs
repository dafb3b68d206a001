using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging;
using NewsReader.Data.Importing;
using NewsReader.Data.Search;

namespace NewsReader.Data.Providers.Sqlite;

/// <summary>One file beside one app process: FTS5 for search, a write-ahead log so readers go on while the importer
/// writes, and nothing to share with other instances.</summary>
internal sealed class SqliteProvider() : DatabaseProvider("NewsReader.Migrations.Sqlite")
{
    public override string Name => "Sqlite";

    internal override ISearchIndex Search { get; } = new SqliteSearchIndex();

    internal override IArticleBulkWriter BulkWriter { get; } = new SqliteBulkWriter();

    public override void Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
        .AddInterceptors(new SqlitePragmas());

    /// <summary>SQLite has no date type: every instant is stored as UTC ticks, so that ordering happens in SQL.</summary>
    internal override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    /// <summary>WAL lets readers go on while the importer writes; the setting persists in the file. Set before the
    /// migrations, so that a new file's twenty-odd migrations append to the log instead of each syncing a journal.</summary>
    internal override Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

    /// <summary>One process owns the file (SQLite's own locks keep a second from corrupting it).</summary>
    internal override Task<IAsyncDisposable> LockStartUpAsync(string connectionString, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    internal override DatabaseNotifications CreateNotifications(string connectionString, ILogger logger) => new LocalNotifications();

    /// <summary><c>PRAGMA integrity_check</c>: every page, row and index of the file; one row "ok" when sound.</summary>
    internal override async Task<List<string>> CheckIntegrityAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check()").ToListAsync(cancellationToken);
        return rows is ["ok"] ? [] : rows;
    }

    /// <summary>SQLite's online backup: the copy is of one moment, and writers wait only while a step copies.</summary>
    public override async Task BackupAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
