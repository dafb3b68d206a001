using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging;
using NewsReader.Data.Importing;
using NewsReader.Data.Search;

namespace NewsReader.Data.Providers.Sqlite;

/// <summary>One file beside one app process: FTS5 for search, a write-ahead log so readers go on while the importer
/// writes, and nothing to share with other instances.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    public const string MigrationsAssembly = "NewsReader.Migrations.Sqlite";

    public override string Name => "Sqlite";

    internal override ISearchIndex Search { get; } = new SqliteSearchIndex();

    internal override IArticleBulkWriter BulkWriter { get; } = new SqliteBulkWriter();

    public override void Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
        .AddInterceptors(new SqlitePragmas());

    /// <summary>SQLite has no date type: every instant is stored as UTC ticks, so that ordering happens in SQL.</summary>
    internal override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    /// <summary>WAL lets readers go on while the importer writes; the setting persists in the file.</summary>
    internal override Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

    /// <summary>One process owns the file (SQLite's own locks keep a second from corrupting it).</summary>
    internal override Task<IAsyncDisposable> LockStartUpAsync(string connectionString, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    internal override DatabaseNotifications CreateNotifications(string connectionString, ILogger logger) => new LocalNotifications();

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
