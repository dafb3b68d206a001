using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Jobs;
using NewsReader.Data;
using NewsReader.Data.Entities;
using NewsReader.Data.Jobs;
using NewsReader.Data.Search;

namespace NewsReader.Benchmarks;

/// <summary>A new spelling of Aleppo at a million articles: the time from the Editor's click until its re-scan job ends,
/// and how many articles the job read (printed). The spelling, أحياء حلب, has a very common first word, so the job reads
/// the articles that hold حلب in some form. The baseline, measured in the same run, is what every gazetteer change did
/// before: re-scan every article, here the first 20,000 (the rate gives the whole corpus's time).</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class RescanBenchmark
{
    private const string Spelling = "أحياء حلب";
    private const int BaselineArticles = 20_000;

    private ServiceProvider services = null!;
    private IDbContextFactory<NewsReaderDbContext> contexts = null!;

    [Params(1_000_000)]
    public int Articles { get; set; }

    [ParamsSource(typeof(BenchmarkCorpus), nameof(BenchmarkCorpus.Databases))]
    public string Database { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        services = BenchmarkCorpus.OpenAsync(Database, Articles).GetAwaiter().GetResult();
        contexts = services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>();
    }

    /// <summary>The jobs, their clean-ups and the baseline re-index tens of thousands of articles, which leaves the terms
    /// index in pieces (the search benchmarks ran two to three times slower after it); it is tidied as after a bulk
    /// import, so that the next benchmark finds the corpus as it was built.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        TidyAsync().GetAwaiter().GetResult();
        services.Dispose();
    }

    private async Task TidyAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        await SearchIndex.MergeAsync(db, CancellationToken.None);
    }

    [Benchmark]
    public async Task<int> NewSpellingJob()
    {
        var problem = await services.GetRequiredService<ReaderTagging>().AddSpellingAsync("aleppo", Spelling);
        await services.GetRequiredService<JobRunner>().RunUntilIdleAsync();
        var job = (await services.GetRequiredService<JobStore>().RecentAsync(1)).Single();
        Console.WriteLine($"// {problem ?? "added"}: job {job.State}, {job.Done:N0} articles read of {Articles:N0}, {job.Changed:N0} changed");
        return job.State == JobState.Done ? job.Done : throw new InvalidOperationException(job.Error);
    }

    /// <summary>The spelling goes again, so that the next iteration adds it to the same corpus.</summary>
    [IterationCleanup(Target = nameof(NewSpellingJob))]
    public void TakeTheSpellingAway()
    {
        services.GetRequiredService<GazetteerEditor>().RemoveSpellingAsync("aleppo", Spelling).GetAwaiter().GetResult();
        services.GetRequiredService<JobRunner>().RunUntilIdleAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RescanEveryArticle()
    {
        var scanner = services.GetRequiredService<MentionScanner>();
        List<int> ids;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).Take(BaselineArticles).ToListAsync();
        }

        foreach (var id in ids)
        {
            await scanner.RescanAsync(id);
        }

        return ids.Count;
    }
}
