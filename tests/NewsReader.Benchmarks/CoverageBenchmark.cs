using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Entities;
using NewsReader.Data;
using NewsReader.Data.Entities;

namespace NewsReader.Benchmarks;

/// <summary>An entity's timeline, the entities named with it and the places of the corpus at a million articles, as the
/// app reads them (<see cref="EntityCoverage"/>: the day rollups, the kept counts, a window of the newest articles),
/// against a baseline in the same run that reads what it needs from <c>EntityArticles</c>, one row per article and
/// entity, as a query without the rollups would.</summary>
[Config(typeof(Columns))]
public class CoverageBenchmark
{
    private ServiceProvider services = null!;
    private EntityCoverage coverage = null!;
    private IDbContextFactory<NewsReaderDbContext> contexts = null!;
    private int aleppo;
    private DateOnly monthStart;

    [Params(1_000_000)]
    public int Articles { get; set; }

    [ParamsSource(typeof(BenchmarkCorpus), nameof(BenchmarkCorpus.Databases))]
    public string Database { get; set; } = "";

    [ParamsAllValues]
    public CoverageCase Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        services = BenchmarkCorpus.OpenAsync(Database, Articles).GetAwaiter().GetResult();
        coverage = services.GetRequiredService<EntityCoverage>();
        contexts = services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>();
        using var db = contexts.CreateDbContext();
        aleppo = db.Entities.Single(e => e.Key == "aleppo").Id;
        var newest = db.Articles.Max(a => a.PublishedAt);
        monthStart = DateOnly.FromDateTime(newest.UtcDateTime).AddMonths(-1);
        Console.WriteLine($"// {Case}: {Rollup().GetAwaiter().GetResult()} rows; baseline {Scan().GetAwaiter().GetResult()}");
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public async Task<int> Rollup() => Case switch
    {
        CoverageCase.TimelineByMonth => (await coverage.TimelineAsync("aleppo", null, null, TimelineBucket.Month))!.Count,
        CoverageCase.TimelineByDayLastYear => (await coverage.TimelineAsync("aleppo", monthStart.AddMonths(-11), monthStart.AddMonths(1), TimelineBucket.Day))!.Count,
        CoverageCase.Related => (await coverage.RelatedAsync("aleppo", 10))!.Count,
        CoverageCase.Places => (await coverage.PlacesAsync(null, null, null))!.Places.Count,
        CoverageCase.PlacesLastMonth => (await coverage.PlacesAsync(monthStart, monthStart.AddMonths(1), null))!.Places.Count,
        CoverageCase.PlacesWithAleppo => (await coverage.PlacesAsync(null, null, "aleppo"))!.Places.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(Case)),
    };

    [Benchmark(Baseline = true)]
    public async Task<int> Scan()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var places = db.Entities.Where(e => e.Type == EntityType.Place && e.Latitude != null);
        var of = db.EntityArticles.Where(e => e.EntityId == aleppo);
        return Case switch
        {
            CoverageCase.TimelineByMonth => (await of.Select(e => e.PublishedAt).ToListAsync()).GroupBy(d => (d.Year, d.Month)).Count(),
            CoverageCase.TimelineByDayLastYear => (await of.Where(e => e.PublishedAt >= Instant(monthStart.AddMonths(-11)) && e.PublishedAt < Instant(monthStart.AddMonths(1)))
                .Select(e => e.PublishedAt).ToListAsync()).GroupBy(d => d.UtcDateTime.Date).Count(),
            CoverageCase.Related => (await db.EntityArticles.Where(o => o.EntityId != aleppo && of.Select(e => e.ArticleId).Contains(o.ArticleId))
                .GroupBy(o => o.EntityId).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(10).ToListAsync()).Count,
            CoverageCase.Places => await db.EntityArticles.Where(o => places.Any(p => p.Id == o.EntityId)).GroupBy(o => o.EntityId).CountAsync(),
            CoverageCase.PlacesLastMonth => await db.EntityArticles
                .Where(o => o.PublishedAt >= Instant(monthStart) && o.PublishedAt < Instant(monthStart.AddMonths(1)) && places.Any(p => p.Id == o.EntityId))
                .GroupBy(o => o.EntityId).CountAsync(),
            CoverageCase.PlacesWithAleppo => await db.EntityArticles.Where(o => of.Select(e => e.ArticleId).Contains(o.ArticleId) && places.Any(p => p.Id == o.EntityId))
                .GroupBy(o => o.EntityId).CountAsync(),
            _ => throw new InvalidOperationException(Case.ToString()),
        };
    }

    private static DateTimeOffset Instant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public enum CoverageCase
    {
        TimelineByMonth,
        TimelineByDayLastYear,
        Related,
        Places,
        PlacesLastMonth,
        PlacesWithAleppo,
    }

    /// <summary>Fifteen calls a case: the baselines read millions of rows.</summary>
    private sealed class Columns : CorpusConfig
    {
        public Columns()
            : base(iterations: 15)
        {
        }
    }
}
