using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using NewsReader.Data.Importing;
using NewsReader.Data.Providers.PostgreSql;
using NewsReader.Data.Providers.Sqlite;
using NewsReader.Data.Search;

namespace NewsReader.Data.Providers;

/// <summary>Everything that differs between the databases the app runs on, in one object per database: how the context
/// connects and migrates, what is done once after migrating, how start-up work is kept to one process, the search
/// indexes, the bulk writer and how instances hear of each other. Stores ask the context for it
/// (<see cref="Of"/>) instead of testing which database they are on.</summary>
public abstract class DatabaseProvider(string migrationsAssembly)
{
    /// <summary>The embedded default: one file beside one app process.</summary>
    public static DatabaseProvider Sqlite { get; } = new SqliteProvider();

    /// <summary>A shared server for several app instances.</summary>
    public static DatabaseProvider PostgreSql { get; } = new PostgreSqlProvider();

    /// <summary>The value of <c>NewsReader:Database</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The provider a setting names (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>), ignoring case.</summary>
    public static DatabaseProvider Named(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => Sqlite,
        "POSTGRESQL" or "POSTGRES" => PostgreSql,
        _ => throw new ArgumentException($"NewsReader:Database is \"{name}\"; it must be Sqlite or PostgreSQL.", nameof(name)),
    };

    /// <summary>The provider a context runs on: the one switch on the database in the app.</summary>
    internal static DatabaseProvider Of(DatabaseFacade database) => database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => PostgreSql,
        var other => throw new NotSupportedException($"No NewsReader provider for {other}."),
    };

    /// <summary>Points the context at the database, with this provider's migrations assembly. The model is built from the
    /// configurations, as <c>dotnet ef</c> needs it; the app runs on <see cref="CompiledModel"/>.</summary>
    public abstract void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>The assembly of this provider's migrations and compiled model.</summary>
    protected string MigrationsAssembly { get; } = migrationsAssembly;

    /// <summary>The model as <c>dotnet ef dbcontext optimize</c> compiled it into the migrations assembly (README): read in
    /// milliseconds where building it from the configurations takes about 0.7 s of every start. <c>MigrationsTests</c>
    /// fails when it is not the model the configurations build.</summary>
    public IModel CompiledModel => compiledModel ??= (IModel)Assembly.Load(MigrationsAssembly)
        .GetType($"{MigrationsAssembly}.CompiledModel.{nameof(NewsReaderDbContext)}Model", throwOnError: true)!
        .GetProperty("Instance")!.GetValue(null)!;

    private IModel? compiledModel;

    /// <summary>How the model's types are stored, where the database has no type of its own for them.</summary>
    internal abstract void ConfigureConventions(ModelConfigurationBuilder conventions);

    internal abstract ISearchIndex Search { get; }

    internal abstract IArticleBulkWriter BulkWriter { get; }

    /// <summary>What start-up does before the migrations (SQLite turns on its write-ahead log).</summary>
    internal abstract Task PrepareAsync(NewsReaderDbContext db, CancellationToken cancellationToken);

    /// <summary>Holds the database's start-up lock until disposed, so that of several instances started at once one
    /// migrates and imports the seeds while the others wait, then find the work done.</summary>
    internal abstract Task<IAsyncDisposable> LockStartUpAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>How instances on this database tell each other of new articles and jobs.</summary>
    internal abstract DatabaseNotifications CreateNotifications(string connectionString, ILogger logger);

    /// <summary>The database's own check of what it stores: the problems it reports, none when it is sound.</summary>
    internal abstract Task<List<string>> CheckIntegrityAsync(NewsReaderDbContext db, CancellationToken cancellationToken);

    /// <summary>A consistent copy of the store in <paramref name="file"/>, made while the app may be writing.</summary>
    public abstract Task BackupAsync(string connectionString, string file, CancellationToken cancellationToken);
}
