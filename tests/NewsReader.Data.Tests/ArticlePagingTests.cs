using NewsReader.Core.Articles;
using NewsReader.Data.Articles;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>The front page, a page at a time: keyset paging over the date index, with filters.</summary>
public class ArticlePagingTests
{
    private static ArticleDraft Draft(string key, DateTimeOffset date, string? body = null, string source = "الوكالات", string language = "ar") =>
        new(key, "عنوان " + key, body ?? $"نص الخبر {key} من دمشق.", language, source, null, date);

    private static DateTimeOffset Day(int day, int hour = 0) => new(2016, 12, day, hour, 0, 0, TimeSpan.Zero);

    private static async Task<List<string>> AllPagesAsync(TestDatabase db, ArticleQuery query)
    {
        var titles = new List<string>();
        ArticleCursor? cursor = null;
        do
        {
            var page = await db.Articles.PageAsync(query with { Before = cursor });
            Assert.InRange(page.Items.Count, 0, query.PageSize);
            titles.AddRange(page.Items.Select(a => a.Title));
            cursor = page.Next;
        }
        while (cursor is not null);

        return titles;
    }

    [Fact]
    public async Task Pages_go_newest_first_and_equal_dates_by_id_without_gaps_or_repeats()
    {
        await using var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < 23; i++)
        {
            // Several articles share each date: the id decides among them.
            await db.Importer.ImportAsync(Draft($"a{i:D2}", Day(1 + (i / 3))));
        }

        var titles = await AllPagesAsync(db, new ArticleQuery(PageSize: 5));

        Assert.Equal(23, titles.Count);
        Assert.Equal(23, titles.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 23).Reverse().Select(i => $"عنوان a{i:D2}"), titles);
    }

    [Fact]
    public async Task Articles_that_arrive_between_two_pages_shift_nothing_and_repeat_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < 10; i++)
        {
            await db.Importer.ImportAsync(Draft($"old{i}", Day(1, i)));
        }

        var first = await db.Articles.PageAsync(new ArticleQuery(PageSize: 4));
        await db.Importer.ImportAsync(Draft("newest", Day(20)));
        await db.Importer.ImportAsync(Draft("between", Day(1, 5) + TimeSpan.FromMinutes(30)));
        var second = await db.Articles.PageAsync(new ArticleQuery(PageSize: 4, Before: first.Next));

        Assert.Equal(["عنوان old9", "عنوان old8", "عنوان old7", "عنوان old6"], first.Items.Select(a => a.Title));
        // The newest arrival is above the first page, not pushed into the second; one older than the cursor takes its place.
        Assert.Equal(["عنوان between", "عنوان old5", "عنوان old4", "عنوان old3"], second.Items.Select(a => a.Title));
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Importer.ImportAsync(Draft("only", Day(1)));

        var page = await db.Articles.PageAsync(new ArticleQuery(PageSize: 1));

        Assert.Single(page.Items);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Dates_with_an_offset_are_ordered_as_instants()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Importer.ImportAsync(Draft("beirut", new DateTimeOffset(2016, 12, 1, 10, 0, 0, TimeSpan.FromHours(3))));
        await db.Importer.ImportAsync(Draft("utc", new DateTimeOffset(2016, 12, 1, 8, 0, 0, TimeSpan.Zero)));

        var page = await db.Articles.PageAsync(new ArticleQuery());

        // 10:00 in Beirut is 07:00 UTC: the UTC article is the newer.
        Assert.Equal(["عنوان utc", "عنوان beirut"], page.Items.Select(a => a.Title));
    }

    [Fact]
    public async Task Filters_by_source_language_and_days_keep_their_order_across_pages()
    {
        await using var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < 12; i++)
        {
            await db.Importer.ImportAsync(Draft(
                $"f{i:D2}", Day(1 + i), source: i % 2 == 0 ? "رويترز" : "الوكالات", language: i % 3 == 0 ? "en" : "ar",
                body: i % 3 == 0 ? $"News {i} from Damascus." : null));
        }

        Assert.Equal(["عنوان f10", "عنوان f08", "عنوان f06", "عنوان f04", "عنوان f02", "عنوان f00"],
            await AllPagesAsync(db, new ArticleQuery(Source: "رويترز", PageSize: 4)));
        Assert.Equal(["عنوان f09", "عنوان f06", "عنوان f03", "عنوان f00"],
            await AllPagesAsync(db, new ArticleQuery(Language: "en", PageSize: 3)));
        Assert.Equal(["عنوان f05", "عنوان f04", "عنوان f03"],
            await AllPagesAsync(db, new ArticleQuery(From: new DateOnly(2016, 12, 4), To: new DateOnly(2016, 12, 6), PageSize: 2)));
        Assert.Equal(["عنوان f06", "عنوان f00"],
            await AllPagesAsync(db, new ArticleQuery(Source: "رويترز", Language: "en", To: new DateOnly(2016, 12, 10))));
    }

    [Fact]
    public async Task An_entity_filter_lists_the_articles_that_mention_it_newest_first_and_follows_their_dates()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await db.Importer.ImportAsync(Draft("a1", Day(2), "زار الوفد حلب أمس."));
        await db.Importer.ImportAsync(Draft("a2", Day(3), "لا ذكر للمدينة هنا."));
        await db.Importer.ImportAsync(Draft("a3", Day(4), "قصف على أحياء حلب الشرقية."));
        var query = new ArticleQuery(EntityKey: "aleppo", PageSize: 1);

        var titles = await AllPagesAsync(db, query);

        Assert.Equal(["عنوان a3", "عنوان a1", (await db.ListArticlesAsync()).Single(a => a.Title.StartsWith("ايرولت", StringComparison.Ordinal)).Title], titles);

        // A corrected date moves the article in the entity's list too.
        await db.Importer.ImportAsync(Draft("a1", Day(9), "زار الوفد حلب أمس."));
        Assert.Equal("عنوان a1", (await db.Articles.PageAsync(query)).Items.Single().Title);
        Assert.Empty((await db.Articles.PageAsync(query with { EntityKey = "no-such-entity" })).Items);
    }

    [Fact]
    public async Task Bad_queries_are_refused_with_the_reason()
    {
        await using var db = await TestDatabase.CreateAsync();

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => db.Articles.PageAsync(new ArticleQuery(PageSize: 101)));
        var backwards = await Assert.ThrowsAsync<ArgumentException>(() => db.Articles.PageAsync(new ArticleQuery(From: new DateOnly(2016, 12, 2), To: new DateOnly(2016, 12, 1))));
        var anonymous = await Assert.ThrowsAsync<ArgumentException>(() => db.Articles.PageAsync(new ArticleQuery(Unread: true)));

        Assert.StartsWith("A page holds from 1 to 100 articles.", tooMany.Message, StringComparison.Ordinal);
        Assert.StartsWith("The first day comes after the last.", backwards.Message, StringComparison.Ordinal);
        Assert.StartsWith("Sign in", anonymous.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sources_are_listed_once_each_in_order()
    {
        await using var db = await TestDatabase.CreateAsync();
        foreach (var (key, source) in new[] { ("1", "رويترز"), ("2", "الوكالات"), ("3", "رويترز"), ("4", "AFP") })
        {
            await db.Importer.ImportAsync(Draft(key, Day(1), source: source));
        }

        Assert.Equal(["AFP", "الوكالات", "رويترز"], await db.Articles.SourcesAsync());
    }
}
