using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Core.Entities;
using NewsReader.Data;
using NewsReader.Data.Articles;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Benchmarks;

/// <summary>Search over a generated corpus loaded through the app's import path: entity search, normalized
/// full-text search and the two combined, each beside a baseline measured in the same run, a
/// <c>LIKE '%…%'</c> scan over the raw bodies that answers the same question (count and first page).</summary>
[Config(typeof(Columns))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SearchBenchmark
{
    private ServiceProvider services = null!;
    private SearchService search = null!;
    private IDbContextFactory<NewsReaderDbContext> contexts = null!;

    [Params(50_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(Path.GetTempPath(), $"newsreader-search-benchmark-{Articles}.db");
        services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddNewsReaderData($"Data Source={file}")
            .BuildServiceProvider();
        search = services.GetRequiredService<SearchService>();
        contexts = services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>();
        BuildIfMissingAsync(file).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark, BenchmarkCategory("entity")]
    public async Task<int> EntitySearch() => (await search.SearchAsync(new SearchRequest(null, EntityKey: "aleppo"))).Total;

    [Benchmark(Baseline = true), BenchmarkCategory("entity")]
    public Task<int> EntityLikeScan() => LikeScanAsync("حلب");

    [Benchmark, BenchmarkCategory("text")]
    public async Task<int> FullTextSearch() => (await search.SearchAsync(new SearchRequest("هدنه"))).Total;

    [Benchmark(Baseline = true), BenchmarkCategory("text")]
    public Task<int> TextLikeScan() => LikeScanAsync("هدنة");

    [Benchmark, BenchmarkCategory("combined")]
    public async Task<int> CombinedSearch() => (await search.SearchAsync(new SearchRequest("هدنه", EntityKey: "aleppo"))).Total;

    [Benchmark(Baseline = true), BenchmarkCategory("combined")]
    public Task<int> CombinedLikeScan() => LikeScanAsync("هدنة", "حلب");

    /// <summary>The same question without the index: count the bodies that contain the words, and fetch the newest ten.</summary>
    private async Task<int> LikeScanAsync(params string[] words)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var articles = db.Articles.AsQueryable();
        foreach (var word in words)
        {
            articles = articles.Where(a => EF.Functions.Like(a.Body, "%" + word + "%"));
        }

        var total = await articles.CountAsync();
        var page = await articles.OrderByDescending(a => a.PublishedAt).Select(a => new { a.Id, a.Title, a.Body }).Take(10).ToListAsync();
        return total + page.Count;
    }

    private async Task BuildIfMissingAsync(string file)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Program.SeedsFolder);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            if (await db.Articles.CountAsync() >= Articles)
            {
                Console.WriteLine($"// reusing {file}");
                return;
            }
        }

        IReadOnlyList<GazetteerEntry> gazetteer;
        await using (var json = File.OpenRead(Path.Combine(Program.SeedsFolder, "entities.json")))
        {
            gazetteer = await Gazetteer.ReadAsync(json);
        }

        var importer = services.GetRequiredService<ArticleImporter>();
        var clock = Stopwatch.StartNew();
        foreach (var draft in new ArticleCorpus(gazetteer).Articles(Articles))
        {
            await importer.ImportAsync(draft);
        }

        clock.Stop();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var megabytes = new FileInfo(file).Length / 1024.0 / 1024.0;
        Console.WriteLine(
            $"// built {Articles:N0} articles in {clock.Elapsed.TotalSeconds:N1} s ({Articles / clock.Elapsed.TotalSeconds:N0} articles/s, "
            + $"{clock.Elapsed.TotalSeconds * 1000 / Articles:N1} s per 1,000); database {megabytes:N1} MiB ({megabytes * 1000 / Articles:N2} MiB per 1,000)");
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    }
}
