using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Data;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Data.Jobs;
using NewsReader.Data.Providers;
using NewsReader.Data.Subscriptions;

namespace NewsReader.Testing;

/// <summary>A real database, migrated as at start-up, with the app's own services: a SQLite file in a temporary folder,
/// or a database of its own on the tests' PostgreSQL server (<see cref="TestServer"/>).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    /// <summary>False for another instance on a database that a first one owns (and drops).</summary>
    private readonly bool owner;

    private TestDatabase(string folder, DatabaseProvider provider, string connectionString, Action<IServiceCollection>? configure, bool owner)
    {
        Folder = folder;
        SeedsFolder = Directory.CreateDirectory(Path.Combine(folder, "seeds")).FullName;
        (Provider, ConnectionString, this.owner) = (provider, connectionString, owner);
        var collection = new ServiceCollection()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddNewsReaderData(Provider, ConnectionString);

        // The tests' feed servers are on loopback.
        collection.Configure<FeedOptions>(options => options.AllowPrivateHosts = true);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    public string Folder { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string SeedsFolder { get; }

    public ArticleStore Articles => services.GetRequiredService<ArticleStore>();

    public ArticleImporter Importer => services.GetRequiredService<ArticleImporter>();

    public DatabaseInitializer Initializer => services.GetRequiredService<DatabaseInitializer>();

    public GazetteerImporter Gazetteer => services.GetRequiredService<GazetteerImporter>();

    public EntityStore Entities => services.GetRequiredService<EntityStore>();

    public MentionScanner Mentions => services.GetRequiredService<MentionScanner>();

    /// <summary>The newest articles, a page of up to 100: a test's database holds a few.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync() =>
        (await Articles.PageAsync(new ArticleQuery(PageSize: ArticleQuery.MaxPageSize))).Items;

    /// <summary>Runs the queued background jobs (re-scans after gazetteer changes) to the end, as the app's worker would.</summary>
    public Task RunJobsAsync() => services.GetRequiredService<JobRunner>().RunUntilIdleAsync();

    public T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <param name="configure">Changes to the app's services (a test of refused private hosts, say).</param>
    public static async Task<TestDatabase> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var database = CreateEmpty(configure);
        await database.Initializer.InitializeAsync(database.SeedsFolder);
        return database;
    }

    /// <summary>A new database that nothing has initialized yet (not even migrated).</summary>
    public static TestDatabase CreateEmpty(Action<IServiceCollection>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("newsreader-data-").FullName;
        return TestServer.IsPostgreSql
            ? new TestDatabase(folder, DatabaseProvider.PostgreSql, TestServer.NewPostgreSqlDatabase("newsreader_test"), configure, owner: true)
            : new TestDatabase(folder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False", configure, owner: true);
    }

    /// <summary>Another app instance on this database: its own services, workers and notifications.</summary>
    public TestDatabase AnotherInstance(Action<IServiceCollection>? configure = null) =>
        new(Directory.CreateTempSubdirectory("newsreader-instance-").FullName, Provider, ConnectionString, configure, owner: false);

    /// <summary>A database initialized as the app starts: migrations, the gazetteer and the repository's seeds.</summary>
    public static async Task<TestDatabase> CreateSeededAsync()
    {
        var database = await CreateAsync();
        await database.Initializer.InitializeAsync(RepositoryFiles.SeedsFolder);
        return database;
    }

    public async Task<NewsReaderDbContext> OpenAsync() =>
        await services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (owner && Provider == DatabaseProvider.PostgreSql)
        {
            await TestServer.DropPostgreSqlDatabaseAsync(ConnectionString);
        }

        Directory.Delete(Folder, recursive: true);
    }
}
