using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Core.Entities;
using NewsReader.Core.Importing;
using NewsReader.Data;
using NewsReader.Data.Importing;
using NewsReader.Data.Jobs;
using NewsReader.Data.Providers;
using NewsReader.Testing;
using Npgsql;

namespace NewsReader.Benchmarks;

/// <summary>The generated corpus the benchmarks read (<see cref="ArticleCorpus"/>, seed 20161201), built once through the
/// app's own bulk import (recognition, mentions, both indexes, 2,000 articles per transaction) and cached in the
/// temporary folder under the corpus version and the newest migration, so a changed generator or schema never reuses
/// an old database.</summary>
internal static class BenchmarkCorpus
{
    /// <summary>The databases to measure: <c>NEWSREADER_BENCH_DATABASES</c> (comma-separated, <c>Sqlite</c> by default;
    /// <c>PostgreSQL</c> needs <c>NEWSREADER_BENCH_POSTGRES</c>, a connection string to a server, as tests/run-all.sh's).</summary>
    public static IEnumerable<string> Databases() =>
        (Environment.GetEnvironmentVariable("NEWSREADER_BENCH_DATABASES") ?? "Sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Where the corpus of this many articles lives on this database, keyed by the corpus version and the
    /// provider's newest migration.</summary>
    public static DatabaseConnection ConnectionFor(string database, int articles)
    {
        var provider = DatabaseProvider.Named(database);
        using var probe = Services(new DatabaseConnection(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : Server));
        using var db = probe.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContext();
        var name = $"newsreader-corpus-{articles}-v{ArticleCorpus.Version}-{db.Database.GetMigrations().Max()}";
        return provider == DatabaseProvider.Sqlite
            ? new DatabaseConnection(provider, $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}")
            : new DatabaseConnection(provider, new NpgsqlConnectionStringBuilder(Server) { Database = name.ToLowerInvariant().Replace('-', '_') }.ConnectionString);
    }

    private static string Server => Environment.GetEnvironmentVariable("NEWSREADER_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("Set NEWSREADER_BENCH_POSTGRES to a PostgreSQL server's connection string.");

    public static ServiceProvider Services(DatabaseConnection connection) => new ServiceCollection()
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddNewsReaderData(connection.Provider, connection.ConnectionString)
        .BuildServiceProvider();

    /// <summary>The corpus's services, building the database first if it is missing.</summary>
    public static async Task<ServiceProvider> OpenAsync(string database, int articles)
    {
        var connection = ConnectionFor(database, articles);
        var services = Services(connection);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Program.SeedsFolder);
        await using (var db = await services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContextAsync())
        {
            if (await db.Articles.CountAsync() >= articles)
            {
                Console.WriteLine($"// reusing {connection.ConnectionString}");
                return services;
            }
        }

        IReadOnlyList<GazetteerEntry> gazetteer;
        await using (var json = File.OpenRead(Path.Combine(Program.SeedsFolder, "entities.json")))
        {
            gazetteer = await Gazetteer.ReadAsync(json);
        }

        var importer = services.GetRequiredService<ArticleBatchImporter>();
        var sources = new ArticleCorpus(gazetteer).Articles(articles).Select(d => new PendingSource(
            d.SourceKey,
            _ => Task.FromResult(new ImportSource(
                d.SourceKey + ".txt", Encoding.UTF8.GetBytes(d.Body), new ArticleMetadata(d.Title, d.Source, Language: d.Language, PublishedAt: d.PublishedAt)))));
        var clock = Stopwatch.StartNew();
        var imported = 0;
        await foreach (var result in importer.ImportAllAsync(sources))
        {
            if (++imported % 100_000 == 0)
            {
                Console.WriteLine($"// {imported:N0} articles in {clock.Elapsed.TotalSeconds:N0} s");
            }
        }

        await importer.FinishAsync(new ImportSummary(articles, 0, 0, 0));
        await services.GetRequiredService<JobRunner>().RunUntilIdleAsync();
        clock.Stop();
        await using (var db = await services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContextAsync())
        {
            var size = connection.Provider == DatabaseProvider.Sqlite
                ? await SqliteSizeAsync(db, connection)
                : await PostgreSqlSizeAsync(db);
            var megabytes = size / 1024.0 / 1024.0;
            Console.WriteLine(
                $"// built {articles:N0} articles in {clock.Elapsed.TotalSeconds:N1} s ({articles / clock.Elapsed.TotalSeconds:N0} articles/s); "
                + $"database {megabytes:N1} MiB ({megabytes * 1000 / articles:N2} MiB per 1,000)");
        }

        return services;
    }

    private static async Task<long> PostgreSqlSizeAsync(NewsReaderDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
        return (await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").ToListAsync()).Single();
    }

    private static async Task<long> SqliteSizeAsync(NewsReaderDbContext db, DatabaseConnection connection)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).DataSource).Length;
    }
}
