using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsReader.Data.Annotations;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Data.Importing;
using NewsReader.Data.Jobs;
using NewsReader.Data.Providers;
using NewsReader.Data.Reading;
using NewsReader.Data.Search;
using NewsReader.Data.Seeding;
using NewsReader.Data.Subscriptions;

namespace NewsReader.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The stores on <paramref name="provider"/>'s database at <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddNewsReaderData(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(provider);
        services.AddSingleton(new DatabaseConnection(provider, connectionString));
        // Whether the migrations describe the model is a test's question (MigrationsTests), not every start's: EF asks it
        // by building the snapshot's model and comparing, about 0.1 s of each start-up.
        services.AddDbContextFactory<NewsReaderDbContext>(options => provider.Configure(
            options.UseModel(provider.CompiledModel).ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)),
            connectionString));
        services.AddSingleton(services => provider.CreateNotifications(
            connectionString, services.GetService<ILogger<DatabaseNotifications>>() ?? NullLogger<DatabaseNotifications>.Instance));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<ArticleImporter>();
        services.AddSingleton<RecognizerCache>();
        services.AddSingleton<MentionScanner>();
        services.AddSingleton<Maintenance.StoreVerifier>();
        services.AddSingleton<GazetteerImporter>();
        services.AddSingleton<EntityStore>();
        services.AddSingleton<EntityCoverage>();
        services.AddSingleton<ReaderTagging>();
        services.AddSingleton<GazetteerEditor>();
        services.AddSingleton<SearchedEntities>();
        services.AddOptions<SearchOptions>();
        services.AddSingleton<WordFormCounts>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<AnnotationSearch>();
        services.AddSingleton<AnnotationStore>();
        services.AddSingleton<SeedImporter>();
        services.AddSingleton<ArticleBatchImporter>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<ReadingStore>();
        services.AddOptions<JobOptions>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<RescanJob>();
        services.AddSingleton<IJobHandler>(provider => provider.GetRequiredService<RescanJob>());
        services.AddSingleton<SearchMergeJob>();
        services.AddSingleton<IJobHandler>(provider => provider.GetRequiredService<SearchMergeJob>());
        services.AddOptions<FeedOptions>();
        services.AddSingleton<FeedSignal>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<ArticleArrivals>();
        services.AddSingleton(provider => new FeedFetcher(provider.GetRequiredService<IOptions<FeedOptions>>().Value.CreateClient()));
        services.AddSingleton<FeedPoller>();
        return services;
    }
}
