using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Data;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Data.Jobs;
using NewsReader.Data.Subscriptions;

namespace NewsReader.Testing;

/// <summary>A real SQLite file in a temporary folder, migrated as at start-up, with the app's own services.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TestDatabase(string folder, Action<IServiceCollection>? configure)
    {
        Folder = folder;
        SeedsFolder = Directory.CreateDirectory(Path.Combine(folder, "seeds")).FullName;
        var collection = new ServiceCollection()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddNewsReaderData($"Data Source={Path.Combine(folder, "test.db")};Pooling=False");

        // The tests' feed servers are on loopback.
        collection.Configure<FeedOptions>(options => options.AllowPrivateHosts = true);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    public string Folder { get; }

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
        var database = new TestDatabase(Directory.CreateTempSubdirectory("newsreader-data-").FullName, configure);
        await database.Initializer.InitializeAsync(database.SeedsFolder);
        return database;
    }

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
        Directory.Delete(Folder, recursive: true);
    }
}
