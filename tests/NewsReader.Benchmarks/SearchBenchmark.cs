using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsReader.Data;
using NewsReader.Data.Search;

namespace NewsReader.Benchmarks;

/// <summary>Search over a generated corpus loaded through the app's import path, for each kind of search and for
/// words from common to rare, each beside a baseline measured in the same run: a <c>LIKE '%…%'</c> scan over the raw
/// bodies that answers the same question (the count and the newest ten).</summary>
[Config(typeof(Columns))]
public class SearchBenchmark
{
    private ServiceProvider services = null!;
    private SearchService search = null!;
    private SearchService forgetting = null!;
    private IDbContextFactory<NewsReaderDbContext> contexts = null!;

    [Params(1_000_000)]
    public int Articles { get; set; }

    [ParamsSource(typeof(BenchmarkCorpus), nameof(BenchmarkCorpus.Databases))]
    public string Database { get; set; } = "";

    [ParamsSource(nameof(Cases))]
    public SearchCase Case { get; set; } = null!;

    /// <summary>Entity, words naming an entity, words (common, middling, rare, a phrase), and entity with words.
    /// How many articles each matches is printed at setup.</summary>
    public static IEnumerable<SearchCase> Cases() =>
    [
        new("entity Aleppo", new SearchRequest(null, EntityKey: "aleppo"), ["حلب"]),
        new("name حلب", new SearchRequest("حلب"), ["حلب"]),
        new("text common هدنه", new SearchRequest("هدنه"), ["هدنة"]),
        new("text middling السكر", new SearchRequest("السكر"), ["السكر"]),
        new("text rare الهال", new SearchRequest("الهال"), ["الهال"]),
        new("phrase \"حليب الاطفال\"", new SearchRequest("\"حليب الاطفال\""), ["حليب الأطفال"]),
        new("combined هدنه + Aleppo", new SearchRequest("هدنه", EntityKey: "aleppo"), ["هدنة", "حلب"]),
        new("combined السكر + Aleppo", new SearchRequest("السكر", EntityKey: "aleppo"), ["السكر", "حلب"]),
    ];

    [GlobalSetup]
    public void Setup()
    {
        services = BenchmarkCorpus.OpenAsync(Database, Articles).GetAwaiter().GetResult();
        search = services.GetRequiredService<SearchService>();
        contexts = services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>();
        var remembersNothing = Options.Create(new SearchOptions { RememberCountsFor = TimeSpan.Zero });
        forgetting = new SearchService(
            contexts, services.GetRequiredService<SearchedEntities>(), new WordFormCounts(TimeProvider.System, remembersNothing), remembersNothing);
        Console.WriteLine($"// {Case}: {Search().GetAwaiter().GetResult():N0} matching articles");
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    /// <summary>As the app searches: the counts of common word forms are remembered for minutes.</summary>
    [Benchmark]
    public async Task<int> Search() => (await search.SearchAsync(Case.Request)).Total;

    /// <summary>The first search for a word in that time: every form counted.</summary>
    [Benchmark]
    public async Task<int> SearchCountingEveryForm() => (await forgetting.SearchAsync(Case.Request)).Total;

    [Benchmark(Baseline = true)]
    public Task<int> LikeScan() => LikeScanAsync(Case.ScanWords);

    /// <summary>The same question without the index: count the bodies that contain the words, and fetch the newest ten.</summary>
    private async Task<int> LikeScanAsync(string[] words)
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

    /// <summary>A search and the words its baseline scans for; named for the results table.</summary>
    public sealed record SearchCase(string Name, SearchRequest Request, string[] ScanWords)
    {
        public override string ToString() => Name;
    }

    /// <summary>Ten calls a case: the baseline scans every body (seconds a call at a million).</summary>
    private sealed class Columns : CorpusConfig
    {
        public Columns()
            : base(iterations: 10)
        {
        }
    }
}
