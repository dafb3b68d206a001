using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Articles;
using NewsReader.Core.Jobs;
using NewsReader.Data.Entities;
using NewsReader.Data.Importing;
using NewsReader.Data.Jobs;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>Re-scans after gazetteer changes are background jobs that read only the articles that can hold the changed
/// spelling, report their progress, and resume after a restart.</summary>
public class RescanJobTests
{
    private static ArticleDraft Draft(string key, string body) =>
        new(key, "عنوان " + key, body, "ar", "الوكالات", null, new DateTimeOffset(2016, 12, 1, 0, 0, 0, TimeSpan.Zero));

    private static async Task<TestDatabase> CorpusAsync(int articles)
    {
        var db = await TestDatabase.CreateSeededAsync();

        // Every third article calls Aleppo by its old name; the rest never name it.
        var sources = Enumerable.Range(0, articles).Select(i => new PendingSource($"c{i:D3}.txt", _ => Task.FromResult(new ImportSource(
            $"c{i:D3}.txt",
            System.Text.Encoding.UTF8.GetBytes(i % 3 == 0 ? $"وصلت قافلة المساعدات {i} إلى الشهباء صباح اليوم." : $"ارتفعت أسعار الخبز {i} في دمشق."),
            new Core.Importing.ArticleMetadata(Title: $"عنوان {i}", Source: "الوكالات", Language: "ar")))));
        Assert.All(await db.Service<ArticleBatchImporter>().ImportAllAsync(sources).ToListAsync(), r => Assert.Equal(ImportStatus.Imported, r.Status));
        return db;
    }

    [Fact]
    public async Task A_new_spelling_returns_at_once_and_its_job_reads_only_the_articles_that_can_hold_it()
    {
        await using var db = await CorpusAsync(30);
        var tagging = db.Service<ReaderTagging>();
        var before = (await db.Entities.FindAsync("aleppo"))!;

        Assert.Null(await tagging.AddSpellingAsync("aleppo", "الشهباء"));
        var queued = Assert.Single(await db.Service<JobStore>().RecentAsync(entityKey: "aleppo"));
        Assert.Equal(JobState.Queued, queued.State);
        Assert.Equal(before.MentionCount, (await db.Entities.FindAsync("aleppo"))!.MentionCount);

        await db.RunJobsAsync();

        // Of the 31 articles, the 10 that hold الشهباء are read, and each gains a mention.
        var done = Assert.Single(await db.Service<JobStore>().RecentAsync(entityKey: "aleppo"));
        Assert.Equal((JobState.Done, 10, 10, 10), (done.State, done.Total, done.Done, done.Changed));
        var aleppo = (await db.Entities.FindAsync("aleppo"))!;
        Assert.Equal((before.MentionCount + 10, before.ArticleCount + 10), (aleppo.MentionCount, aleppo.ArticleCount));
    }

    [Fact]
    public async Task An_interrupted_job_is_taken_over_when_its_lease_runs_out_and_goes_on_from_its_cursor()
    {
        await using var db = await CorpusAsync(600);
        // Long enough that a busy machine still asks "too early" within it (300 ms failed once in CI).
        db.Service<IOptions<JobOptions>>().Value.Lease = TimeSpan.FromSeconds(3);
        Assert.Null(await db.Service<ReaderTagging>().AddSpellingAsync("aleppo", "الشهباء"));

        // A worker that dies after its first batch: it stops reporting, and its lease runs out.
        var store = db.Service<JobStore>();
        var job = (await store.ClaimAsync("dying worker"))!;
        var steps = 0;
        using var dying = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Service<RescanJob>().RunAsync(
            job,
            async () =>
            {
                if (++steps == 2)
                {
                    await dying.CancelAsync();
                }

                return await store.ReportAsync(job);
            },
            dying.Token));
        var halfway = Assert.Single(await store.RecentAsync());
        Assert.Equal((JobState.Running, 200, 100), (halfway.State, halfway.Total, halfway.Done));
        Assert.Null(await store.ClaimAsync("too early"));

        await Task.Delay(TimeSpan.FromSeconds(3.2));
        await db.RunJobsAsync();

        var done = Assert.Single(await store.RecentAsync());
        Assert.Equal((JobState.Done, 200, 200, 200), (done.State, done.Total, done.Done, done.Changed));
        await using var context = await db.OpenAsync();
        Assert.Equal(200, await context.Mentions.CountAsync(m => m.Text == "الشهباء"));
    }

    [Fact]
    public async Task A_deleted_entity_leaves_no_mention_count_or_term_and_a_name_inside_it_is_found_again()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var id = (await db.Importer.ImportAsync(Draft("rif", "قصف على ريف حلب الغربي."))).ArticleId;
        Assert.Equal("aleppo-governorate", Assert.Single(await db.Entities.MentionsOfArticleAsync(id)).Entity.Key);

        Assert.Null(await db.Service<GazetteerEditor>().DeleteAsync("aleppo-governorate"));
        Assert.Empty(await db.Entities.MentionsOfArticleAsync(id));
        await db.RunJobsAsync();

        var mention = Assert.Single(await db.Entities.MentionsOfArticleAsync(id));
        Assert.Equal(("aleppo", "حلب"), (mention.Entity.Key, mention.Text));
    }

    [Fact]
    public async Task Counts_of_articles_and_mentions_follow_imports_edits_and_deletions()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var before = (await db.Entities.FindAsync("damascus"))!;
        var id = (await db.Importer.ImportAsync(Draft("d", "زار الوفد دمشق ثم عاد إلى دمشق."))).ArticleId;
        var imported = (await db.Entities.FindAsync("damascus"))!;
        await db.Importer.ImportAsync(Draft("d", "زار الوفد دمشق."));
        var edited = (await db.Entities.FindAsync("damascus"))!;
        await db.Articles.DeleteAsync(id);
        var deleted = (await db.Entities.FindAsync("damascus"))!;

        Assert.Equal((before.ArticleCount + 1, before.MentionCount + 2), (imported.ArticleCount, imported.MentionCount));
        Assert.Equal((before.ArticleCount + 1, before.MentionCount + 1), (edited.ArticleCount, edited.MentionCount));
        Assert.Equal((before.ArticleCount, before.MentionCount), (deleted.ArticleCount, deleted.MentionCount));
    }
}
