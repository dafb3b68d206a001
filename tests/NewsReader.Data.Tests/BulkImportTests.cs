using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Jobs;
using NewsReader.Core.Search;
using NewsReader.Data.Entities;
using NewsReader.Data.Importing;
using NewsReader.Data.Jobs;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>The command line's bulk import stores what the one-article path stores: the same mentions, entity counts,
/// search entries and duplicate rules, with a result per article in order.</summary>
public class BulkImportTests
{
    private static PendingSource Source(string name, string text) =>
        new(name, _ => Task.FromResult(new ImportSource(name, Encoding.UTF8.GetBytes(text))));

    private static string Article(string title, string body, string date = "2016-12-01") =>
        $"---\ntitle: {title}\nsource: الوكالات\nlanguage: ar\ndate: {date}\n---\n{body}";

    [Fact]
    public async Task A_bulk_import_stores_what_one_article_at_a_time_stores()
    {
        var drafts = (await ArticleCorpus.OfRepositoryGazetteerAsync(seed: 11)).Articles(60).ToList();
        await using var bulk = await TestDatabase.CreateSeededAsync();
        await using var single = await TestDatabase.CreateSeededAsync();
        foreach (var draft in drafts)
        {
            await single.Importer.ImportAsync(draft with { SourceKey = $"file:{draft.SourceKey}.txt", Source = "الوكالات" });
        }

        var results = await bulk.Service<ArticleBatchImporter>()
            .ImportAllAsync(drafts.Select(d => Source(d.SourceKey + ".txt", Article(d.Title, d.Body, d.PublishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))))
            .ToListAsync();

        Assert.Equal(60, results.Count(r => r.Status == ImportStatus.Imported));
        Assert.Equal(drafts.Select(d => d.SourceKey + ".txt"), results.Select(r => r.Name));
        var (expectedState, actualState) = (await StateAsync(single), await StateAsync(bulk));
        Assert.Equal(expectedState.Count, actualState.Count);
        var diff = expectedState.Zip(actualState).Where(p => p.First != p.Second).Take(2).Select(p => $"{p.First} | {p.Second}").ToList();
        Assert.True(diff.Count == 0, string.Join("\n", diff));
        foreach (var (query, entity) in new[] { ("هدنه", (string?)null), (null, "aleppo"), ("حلب", null), ("\"حليب الاطفال\"", null), ("السكر", "aleppo") })
        {
            var request = new SearchRequest(query, EntityKey: entity, PageSize: 50);
            var expected = await single.Service<SearchService>().SearchAsync(request);
            var actual = await bulk.Service<SearchService>().SearchAsync(request);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(i => i.Title), actual.Items.Select(i => i.Title));
        }
    }

    [Fact]
    public async Task Bad_articles_fail_alone_duplicates_are_skipped_and_known_keys_are_updated()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var first = await db.Service<ArticleBatchImporter>().ImportAllAsync([Source("kept.txt", Article("قديم", "نص قديم عن دمشق."))]).ToListAsync();
        var keptId = first.Single().ArticleId!.Value;

        var results = await db.Service<ArticleBatchImporter>().ImportAllAsync([
            Source("a.txt", Article("أ", "زار الوفد حلب.")),
            Source("empty.txt", Article("فارغ", "   ")),
            Source("copy.txt", Article("نسخة", "زار الوفد حَلَب.")),
            Source("kept.txt", Article("جديد", "نص جديد عن دمشق.")),
            new PendingSource("missing.txt", _ => throw new FileNotFoundException("no such file.")),
            Source("b.txt", Article("ب", "وصل الوفد إلى دمشق.")),
        ]).ToListAsync();

        Assert.Equal(
            [ImportStatus.Imported, ImportStatus.Failed, ImportStatus.Duplicate, ImportStatus.Updated, ImportStatus.Failed, ImportStatus.Imported],
            results.Select(r => r.Status));
        Assert.Equal(results[0].ArticleId, results[2].ArticleId);
        Assert.Equal(keptId, results[3].ArticleId);
        Assert.Contains("missing.txt: no such file.", results[4].Problem, StringComparison.Ordinal);
        Assert.Contains("empty", results[1].Problem, StringComparison.Ordinal);
        Assert.Equal("جديد", (await db.Articles.FindAsync(keptId))!.Title);
    }

    /// <summary>A batch with nothing new (every file already stored, or refused) writes nothing and reports each file.</summary>
    [Fact]
    public async Task A_batch_with_nothing_new_reports_each_file_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        PendingSource[] sources = [Source("a.txt", Article("أ", "زار الوفد حلب.")), Source("empty.txt", Article("فارغ", " "))];
        await db.Service<ArticleBatchImporter>().ImportAllAsync(sources).ToListAsync();
        await using var context = await db.OpenAsync();
        var count = await context.Articles.CountAsync();

        var again = await db.Service<ArticleBatchImporter>().ImportAllAsync(sources).ToListAsync();

        Assert.Equal([ImportStatus.Duplicate, ImportStatus.Failed], again.Select(r => r.Status));
        Assert.Equal(count, await context.Articles.CountAsync());
    }

    /// <summary>Over several batches (where PostgreSQL writes one batch's search entries while the next batch's articles
    /// go in), every article gets its entries and the terms' counts match the index; an article updated in the batch that
    /// stored it (its file given twice), while that batch's entries are being written, is found by its new text only.</summary>
    [Fact]
    public async Task Several_batches_are_all_indexed_and_an_update_in_the_same_batch_is_found_by_its_new_text()
    {
        var count = ArticleBatchImporter.BulkBatch * 2;
        var generated = (await ArticleCorpus.OfRepositoryGazetteerAsync(seed: 12)).Articles(count)
            .Select(d => Source(d.SourceKey + ".txt", Article(d.Title, d.Body, d.PublishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        await using var db = await TestDatabase.CreateSeededAsync();
        var results = await db.Service<ArticleBatchImporter>().ImportAllAsync([
            Source("a.txt", Article("أولى", "وصلت زرافة إلى حلب.")),
            Source("a.txt", Article("أولى", "وصلت شاحنة إلى حلب.")),
            .. generated,
        ]).ToListAsync();

        Assert.Equal(count + 1, results.Count(r => r.Status == ImportStatus.Imported));
        Assert.Equal(ImportStatus.Updated, results[1].Status);
        await using var context = await db.OpenAsync();
        var search = context.Provider.Search;
        Assert.Empty(await search.UnindexedAsync(context, 0, 10, CancellationToken.None));
        await AssertCountsMatchIndexAsync(context, ["sحلب", "sهدنه", "e1", "sشاحنه", "sزرافه"]);

        var service = db.Service<SearchService>();
        Assert.Equal(results[0].ArticleId, (await service.SearchAsync(new SearchRequest("شاحنة"))).Items.Single().ArticleId);
        Assert.Equal(0, (await service.SearchAsync(new SearchRequest("زرافة"))).Total);
    }

    /// <summary>On PostgreSQL a batch's entries commit just after its articles; an instance starting in between finds those
    /// articles without entries. Whichever comes first, the starting instance's repair or the import's entries, the other
    /// neither fails nor writes them twice, and the terms' counts stay right: a repair that finds the entries on their way
    /// waits for them, and entries that find the articles repaired are left out.</summary>
    [PostgreSqlFact]
    public async Task A_repair_and_a_batch_whose_entries_are_on_their_way_do_not_collide()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Service<ArticleBatchImporter>().ImportAllAsync([Source("first.txt", Article("أولى", "زار الوفد حلب."))]).ToListAsync();

        // The repair first: the batch's entries then find its articles indexed.
        var (articles, ids) = await WriteWithoutEntriesAsync(db, "repaired", 3);
        await using (var starting = await db.OpenAsync())
        {
            Assert.Equal(3, await SearchIndex.IndexMissingAsync(starting, CancellationToken.None));
        }

        await WriteEntriesAsync(db, articles, ids);
        await AssertIndexedAndCountedAsync(db, ids);

        // The entries first, held up by the lock this test takes on a term's count: the repair waits for them, then finds nothing.
        (articles, ids) = await WriteWithoutEntriesAsync(db, "on-their-way", 3);
        await using var blocker = await db.OpenAsync();
        await using var blocking = await blocker.Database.BeginTransactionAsync();
        await blocker.Database.ExecuteSqlRawAsync(
            """SELECT 1 FROM "SearchTermCounts" WHERE "Term" = 'sحلب' FOR UPDATE""");
        var entries = WriteEntriesAsync(db, articles, ids);
        await WaitForWaitingAsync(db, 1);
        await using var starting2 = await db.OpenAsync();
        var repair = SearchIndex.IndexMissingAsync(starting2, CancellationToken.None);
        await WaitForWaitingAsync(db, 2);
        await blocking.CommitAsync();

        await entries;
        Assert.Equal(0, await repair);
        await AssertIndexedAndCountedAsync(db, ids);
    }

    [PostgreSqlFact]
    public async Task An_article_edited_while_its_entries_are_on_their_way_is_indexed_as_edited()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var (articles, ids) = await WriteWithoutEntriesAsync(db, "edited", 1);

        // The batch's entries, held up by the lock this test takes on a term's count, and the article's edit meanwhile.
        await using var blocker = await db.OpenAsync();
        await using var blocking = await blocker.Database.BeginTransactionAsync();
        await blocker.Database.ExecuteSqlRawAsync(
            """SELECT 1 FROM "SearchTermCounts" WHERE "Term" = 'sحلب' FOR UPDATE""");
        var entries = WriteEntriesAsync(db, articles, ids);
        await WaitForWaitingAsync(db, 1);
        var draft = articles[0].Draft!;
        var edit = db.Importer.ImportAsync(draft with { Body = draft.Body.Replace("قافلة", "شاحنة", StringComparison.Ordinal) });
        await WaitForWaitingAsync(db, 2);
        await blocking.CommitAsync();

        await entries;
        Assert.Equal(Articles.ImportOutcome.Updated, (await edit).Outcome);
        await using var context = await db.OpenAsync();
        var search = context.Provider.Search;
        Assert.True(await search.AllIndexedAsync(context, CancellationToken.None));
        Assert.Equal(ids, await search.AfterAsync(context, TermQuery.Term("sشاحنه"), 0, 100, CancellationToken.None));
        Assert.Empty(await search.AfterAsync(context, TermQuery.Term("sقافله"), 0, 100, CancellationToken.None));
        await AssertCountsMatchIndexAsync(context, ["sحلب", "sقافله", "sشاحنه"]);
    }

    /// <summary>New articles written as a bulk import's first transaction writes them, their entries left out.</summary>
    private static async Task<(List<PreparedArticle> Articles, List<int> Ids)> WriteWithoutEntriesAsync(TestDatabase db, string name, int count)
    {
        await using var context = await db.OpenAsync();
        var recognizer = await db.Service<RecognizerCache>().GetAsync(context, CancellationToken.None);
        var articles = Enumerable.Range(0, count)
            .Select(i => new ArticleDraft($"{name}:{i}", $"عنوان {i}", $"وصلت قافلة رقم {i} إلى حلب اليوم {name}.", "ar", "الوكالات", null, DateTimeOffset.UtcNow))
            .Select(d => PreparedArticle.Of(d.SourceKey, d, null, recognizer))
            .ToList();
        await context.Database.OpenConnectionAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var ids = await context.Provider.BulkWriter.WriteAsync(context, articles, DateTimeOffset.UtcNow, CancellationToken.None);
        await transaction.CommitAsync();
        return (articles, ids);
    }

    private static async Task WriteEntriesAsync(TestDatabase db, List<PreparedArticle> articles, List<int> ids)
    {
        await using var context = await db.OpenAsync();
        await context.Provider.BulkWriter.Index!.WriteAsync(context, articles, ids, CancellationToken.None);
    }

    /// <summary>Until this many of the database's sessions wait for a lock. A session of its own for each look: within a
    /// transaction, <c>pg_stat_activity</c> is read once.</summary>
    private static async Task WaitForWaitingAsync(TestDatabase db, int sessions)
    {
        for (var tries = 0; tries < 300; tries++)
        {
            await using var context = await db.OpenAsync();
            var waiting = await context.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
            if (waiting >= sessions)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"{sessions} sessions never waited for a lock.");
    }

    private static async Task AssertIndexedAndCountedAsync(TestDatabase db, List<int> ids)
    {
        await using var context = await db.OpenAsync();
        var search = context.Provider.Search;
        Assert.True(await search.AllIndexedAsync(context, CancellationToken.None));
        var found = await search.AfterAsync(context, TermQuery.Term("sقافله"), 0, 100, CancellationToken.None);
        Assert.Subset(found.ToHashSet(), ids.ToHashSet());
        await AssertCountsMatchIndexAsync(context, ["sحلب", "sقافله", "e1"]);
    }

    /// <summary>The count kept of each term's articles is the number the terms index finds.</summary>
    private static async Task AssertCountsMatchIndexAsync(NewsReaderDbContext context, string[] terms)
    {
        var search = context.Provider.Search;
        var counted = await search.ArticleCountsAsync(context, terms, CancellationToken.None);
        foreach (var term in terms)
        {
            Assert.Equal(await search.CountAsync(context, TermQuery.Term(term), int.MaxValue, CancellationToken.None), counted.GetValueOrDefault(term));
        }
    }

    /// <summary>PostgreSQL refuses a lexeme over 2,046 bytes and a <c>tsvector</c> whose lexemes pass 1 MiB; an article
    /// with such a "word" (a run of letters without spaces) or with a great many distinct words is still stored, whole,
    /// and found by its words and entities, on either store, through the bulk path and one at a time. (On PostgreSQL the
    /// second article's pairs do not fit, so its phrases are not found there.)</summary>
    [Fact]
    public async Task An_article_with_a_word_too_long_to_index_or_too_many_words_is_stored_and_found()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var longWord = "زار الوفد حلب. " + new string('ب', 1100) + " ثم عاد الوفد.";
        var manyWords = "قافلة المساعدات إلى حلب " + string.Join(' ', Enumerable.Range(0, 70_000).Select(Word));
        var results = await db.Service<ArticleBatchImporter>().ImportAllAsync([
            Source("long.txt", Article("كلمة طويلة", longWord)),
            Source("many.txt", Article("كلمات كثيرة", manyWords)),
            Source("plain.txt", Article("عادي", "وصل الوفد إلى دمشق.")),
        ]).ToListAsync();
        var single = await db.Service<ArticleBatchImporter>().ImportAsync(
            new ImportSource("single.txt", Encoding.UTF8.GetBytes(Article("وحده", "وصل الوفد. " + new string('ت', 1100)))));

        Assert.All(results.Concat(single), r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(longWord, (await db.Articles.FindAsync(results[0].ArticleId!.Value))!.Body);
        var search = db.Service<SearchService>();
        Assert.Equal(3, (await search.SearchAsync(new SearchRequest("الوفد"))).Total);
        Assert.Equal(results[1].ArticleId, (await search.SearchAsync(new SearchRequest("قافلة"))).Items.Single().ArticleId);
        Assert.Equal(results[0].ArticleId, (await search.SearchAsync(new SearchRequest("\"الوفد حلب\""))).Items.Single().ArticleId);
        var aleppo = (await search.SearchAsync(new SearchRequest(null, EntityKey: "aleppo"))).Items.Select(i => (int?)i.ArticleId).ToList();
        Assert.Contains(results[0].ArticleId, aleppo);
        Assert.Contains(results[1].ArticleId, aleppo);
    }

    /// <summary>The import ends at once with a merge queued, one merge for imports that come before it runs, and the
    /// job leaves each index in one piece.</summary>
    [SqliteFact]
    public async Task An_import_of_a_thousand_or_more_queues_a_merge_that_leaves_each_index_in_one_piece()
    {
        var drafts = (await ArticleCorpus.OfRepositoryGazetteerAsync(seed: 12)).Articles(4000).ToList();
        await using var db = await TestDatabase.CreateSeededAsync();
        var importer = db.Service<ArticleBatchImporter>();

        // The second merge's pieces are smaller than the first's merged one: FTS5 would not merge those on its own.
        foreach (var imports in new[] { new[] { drafts.Take(2000) }, new[] { drafts.Skip(2000).Take(1000), drafts.Skip(3000) } })
        {
            var jobs = new List<int>();
            foreach (var import in imports)
            {
                var results = await importer.ImportAllAsync(import.Select(d => Source(d.SourceKey + ".txt", Article(d.Title, d.Body)))).ToListAsync();
                jobs.Add((await importer.FinishAsync(ImportSummary.Of(results)))!.Id);
            }

            Assert.Single(jobs.Distinct());
            Assert.True(await IndexPiecesAsync(db) > 2, "the batches left the indexes in several pieces");
            Assert.Equal(
                $"Search index merge after an import of {imports[0].Count():N0} articles", (await db.Service<JobStore>().RecentAsync(1)).Single().Description);
            await db.Service<JobRunner>().RunUntilIdleAsync();
            Assert.Equal(2, await IndexPiecesAsync(db));
            var job = (await db.Service<JobStore>().RecentAsync(1)).Single();
            Assert.Equal((JobState.Done, SearchMergeJob.JobKind), (job.State, job.Kind));
            Assert.True(job.Done >= 3, $"the merge went in steps, each reported: {job.Done}");
        }

        var newest = await db.Service<SearchService>().SearchAsync(new SearchRequest($"\"{drafts[^1].Title}\""));
        Assert.Contains(drafts[^1].Title, newest.Items.Select(i => i.Title));
    }

    /// <summary>How many pieces (FTS5 segments) the two SQLite indexes are in: a segment's pages are rows of the index's
    /// data table whose id holds the segment id from its 38th bit.</summary>
    private static async Task<int> IndexPiecesAsync(TestDatabase db)
    {
        await using var context = await db.OpenAsync();
        return await context.Database.SqlQueryRaw<int>(
            """
            SELECT (SELECT count(DISTINCT id >> 37) FROM ArticleSearch_data WHERE id >> 37 > 0)
                + (SELECT count(DISTINCT id >> 37) FROM ArticleTerms_data WHERE id >> 37 > 0) AS Value
            """).SingleAsync();
    }

    /// <summary>A distinct five-letter word for each number.</summary>
    private static string Word(int number)
    {
        const string letters = "بتثجحخدذرزسشصضطظعغفقكمنهي";
        var word = new char[5];
        for (var i = 0; i < word.Length; i++, number /= letters.Length)
        {
            word[i] = letters[number % letters.Length];
        }

        return new string(word);
    }

    /// <summary>Everything an import writes, article by article, keyed by source key (ids may differ).</summary>
    private static async Task<List<string>> StateAsync(TestDatabase db)
    {
        await using var context = await db.OpenAsync();
        var mentions = await context.Mentions
            .Select(m => new { m.Article!.SourceKey, m.EntityId, m.Start, m.Length, m.Text, m.Source })
            .ToListAsync();
        var linked = await context.EntityArticles
            .Join(context.Articles, e => e.ArticleId, a => a.Id, (e, a) => new { a.SourceKey, e.EntityId, e.Mentions, e.PublishedAt })
            .ToListAsync();
        var counts = await context.Entities.OrderBy(e => e.Id).Select(e => new { e.Key, e.ArticleCount, e.MentionCount }).ToListAsync();
        var days = await context.EntityDays.OrderBy(d => d.EntityId).ThenBy(d => d.Day).Select(d => new { d.EntityId, d.Day, d.Articles, d.Mentions }).ToListAsync();
        var terms = await context.Provider.Search.CountAsync(context, Core.Search.TermQuery.Any(["sحلب", "e1", "sهدنه"]), int.MaxValue, CancellationToken.None);
        var termCounts = await context.Provider.Search.ArticleCountsAsync(context, ["sحلب", "e1", "sهدنه", "w00هدنه"], CancellationToken.None);
        var articles = await context.Articles.Select(a => new { a.SourceKey, a.Title, a.Body, a.NormalizedHash, a.ContentHash, a.Direction, a.PublishedAt }).ToListAsync();
        return [
            .. mentions.Select(m => m.ToString()!).Order(StringComparer.Ordinal),
            .. linked.Select(e => e.ToString()!).Order(StringComparer.Ordinal),
            .. counts.Select(c => c.ToString()!),
            .. days.Select(d => d.ToString()!),
            .. articles.Select(a => a.ToString()!).Order(StringComparer.Ordinal),
            $"terms {terms}",
            .. termCounts.Select(c => $"{c.Key}: {c.Value}").Order(StringComparer.Ordinal),
        ];
    }
}
