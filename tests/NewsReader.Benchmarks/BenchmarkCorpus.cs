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
using NewsReader.Testing;

namespace NewsReader.Benchmarks;

/// <summary>The generated corpus the benchmarks read (<see cref="ArticleCorpus"/>, seed 20161201), built once through the
/// app's own bulk import (recognition, mentions, both indexes, 2,000 articles per transaction) and cached in the
/// temporary folder under the corpus version and the newest migration, so a changed generator or schema never reuses
/// an old database.</summary>
internal static class BenchmarkCorpus
{
    public static string FileFor(int articles)
    {
        using var probe = Services(":memory:");
        using var db = probe.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContext();
        var migration = db.Database.GetMigrations().Max();
        return Path.Combine(Path.GetTempPath(), $"newsreader-corpus-{articles}-v{ArticleCorpus.Version}-{migration}.db");
    }

    public static ServiceProvider Services(string file) => new ServiceCollection()
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddNewsReaderData($"Data Source={file}")
        .BuildServiceProvider();

    /// <summary>The corpus's services, building the database first if it is missing.</summary>
    public static async Task<ServiceProvider> OpenAsync(int articles)
    {
        var file = FileFor(articles);
        var services = Services(file);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Program.SeedsFolder);
        await using (var db = await services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContextAsync())
        {
            if (await db.Articles.CountAsync() >= articles)
            {
                Console.WriteLine($"// reusing {file}");
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
        clock.Stop();
        await using (var db = await services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        }

        var megabytes = new FileInfo(file).Length / 1024.0 / 1024.0;
        Console.WriteLine(
            $"// built {articles:N0} articles in {clock.Elapsed.TotalSeconds:N1} s ({articles / clock.Elapsed.TotalSeconds:N0} articles/s); "
            + $"database {megabytes:N1} MiB ({megabytes * 1000 / articles:N2} MiB per 1,000)");
        return services;
    }
}
