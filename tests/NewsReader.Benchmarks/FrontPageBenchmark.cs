using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Articles;
using NewsReader.Data;
using NewsReader.Data.Articles;

namespace NewsReader.Benchmarks;

/// <summary>The front page at a million articles, as the app reads it (<see cref="ArticleStore.PageAsync"/>: keyset
/// paging from a cursor, an index per filter), against a baseline measured in the same run: the same page by
/// <c>OFFSET</c>, which is how a numbered pager reads it and costs the more the deeper the page.</summary>
[Config(typeof(Columns))]
public class FrontPageBenchmark
{
    private ServiceProvider services = null!;
    private ArticleStore store = null!;
    private IDbContextFactory<NewsReaderDbContext> contexts = null!;
    private ArticleQuery query = null!;
    private int entityId;

    [Params(1_000_000)]
    public int Articles { get; set; }

    [ParamsSource(typeof(BenchmarkCorpus), nameof(BenchmarkCorpus.Databases))]
    public string Database { get; set; } = "";

    [ParamsAllValues]
    public FrontPageCase Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        services = BenchmarkCorpus.OpenAsync(Database, Articles).GetAwaiter().GetResult();
        store = services.GetRequiredService<ArticleStore>();
        contexts = services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>();
        using var db = contexts.CreateDbContext();
        entityId = db.Entities.Single(e => e.Key == "aleppo").Id;
        var entity = Case is FrontPageCase.Aleppo or FrontPageCase.AleppoPage100 ? "aleppo" : null;
        var depth = Case switch
        {
            FrontPageCase.Page1000 => 999,
            FrontPageCase.AleppoPage100 => 99,
            _ => 0,
        };
        query = new ArticleQuery(EntityKey: entity);

        // The cursor a reader holds on that page: the last article of the page before it.
        if (depth > 0)
        {
            var before = Offset(db, entity is null ? null : entityId, depth * ArticleQuery.DefaultPageSize - 1, 1).Single();
            query = query with { Before = ArticleCursor.After(before.PublishedAt, before.Id) };
        }

        Console.WriteLine($"// {Case}: first article {store.PageAsync(query).GetAwaiter().GetResult().Items[0].Id}");
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public async Task<int> Keyset() => (await store.PageAsync(query)).Items.Count;

    [Benchmark(Baseline = true)]
    public async Task<int> Offset()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var depth = Case switch
        {
            FrontPageCase.Page1000 => 999,
            FrontPageCase.AleppoPage100 => 99,
            _ => 0,
        };
        return Offset(db, query.EntityKey is null ? null : entityId, depth * ArticleQuery.DefaultPageSize, ArticleQuery.DefaultPageSize).Count;
    }

    private static List<Article> Offset(NewsReaderDbContext db, int? entityId, int skip, int take)
    {
        var articles = entityId is { } id
            ? db.Articles.Where(a => db.Mentions.Any(m => m.EntityId == id && m.ArticleId == a.Id))
            : db.Articles;
        return articles.AsNoTracking().OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToList();
    }

    public enum FrontPageCase
    {
        FirstPage,
        Page1000,
        Aleppo,
        AleppoPage100,
    }

    /// <summary>Thirty calls a case.</summary>
    private sealed class Columns : CorpusConfig
    {
        public Columns()
            : base(iterations: 30)
        {
        }
    }
}
