using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Data.Search;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>An entity's coverage over time, the entities named with it and the places of the corpus, from the rollups
/// kept with the mentions.</summary>
public class EntityCoverageTests
{
    private static ArticleDraft Draft(string key, string body, DateOnly day) =>
        new(key, "عنوان " + key, body, "ar", "الوكالات", null, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero));

    private static async Task<TestDatabase> CorpusAsync()
    {
        var db = await TestDatabase.CreateSeededAsync();
        // The seed (2016-12-01) names حلب eight times; these add Aleppo on three more days, and Damascus once.
        await db.Importer.ImportAsync(Draft("a", "قصف على حلب وحلب تحترق.", new DateOnly(2016, 12, 3)));
        await db.Importer.ImportAsync(Draft("b", "هدنة في حلب ودمشق.", new DateOnly(2016, 12, 5)));
        await db.Importer.ImportAsync(Draft("c", "وصلت قافلة إلى حلب.", new DateOnly(2017, 1, 9)));
        return db;
    }

    private static EntityCoverage Coverage(TestDatabase db) => db.Service<EntityCoverage>();

    [Fact]
    public async Task A_timeline_by_day_counts_articles_and_mentions_with_empty_days_as_zeros()
    {
        await using var db = await CorpusAsync();

        var points = await Coverage(db).TimelineAsync("aleppo", new DateOnly(2016, 12, 1), new DateOnly(2016, 12, 5), TimelineBucket.Day);

        Assert.Equal(
            [
                new TimelinePoint(new DateOnly(2016, 12, 1), 1, 8),
                new TimelinePoint(new DateOnly(2016, 12, 2), 0, 0),
                new TimelinePoint(new DateOnly(2016, 12, 3), 1, 2),
                new TimelinePoint(new DateOnly(2016, 12, 4), 0, 0),
                new TimelinePoint(new DateOnly(2016, 12, 5), 1, 1),
            ],
            points);
    }

    [Fact]
    public async Task Weeks_start_on_Monday_and_months_on_the_first_and_the_default_range_is_the_entitys_own()
    {
        await using var db = await CorpusAsync();

        var weeks = await Coverage(db).TimelineAsync("aleppo", null, null, TimelineBucket.Week);
        var months = await Coverage(db).TimelineAsync("aleppo", null, null, TimelineBucket.Month);

        Assert.Equal(new DateOnly(2016, 11, 28), weeks![0].Start);
        Assert.Equal([2, 1], weeks.Take(2).Select(w => w.Articles));
        Assert.Equal(new DateOnly(2017, 1, 9), weeks[^1].Start);
        Assert.Equal([new TimelinePoint(new DateOnly(2016, 12, 1), 3, 11), new TimelinePoint(new DateOnly(2017, 1, 1), 1, 1)], months);
    }

    [Fact]
    public async Task Weeks_and_months_summed_by_the_database_match_the_calendar_across_leap_years_and_centuries()
    {
        await using var db = await CorpusAsync();
        var days = Enumerable.Range(0, 2200).Select(i => new DateOnly(1895, 2, 27).AddDays(i * 37)).ToList();
        await using (var context = await db.OpenAsync())
        {
            var id = await context.Entities.Where(e => e.Key == "aleppo").Select(e => e.Id).SingleAsync();
            await context.EntityDays.Where(d => d.EntityId == id).ExecuteDeleteAsync();
            context.EntityDays.AddRange(days.Select(day => new EntityDay { EntityId = id, Day = EntityDay.Of(day), Articles = 1, Mentions = day.Day }));
            await context.SaveChangesAsync();
        }

        foreach (var (bucket, startOf) in new (TimelineBucket, Func<DateOnly, DateOnly>)[]
        {
            (TimelineBucket.Week, d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7))),
            (TimelineBucket.Month, d => new DateOnly(d.Year, d.Month, 1)),
        })
        {
            // Twenty years at a time, within a timeline's most points.
            for (var year = 1895; year < 2120; year += 20)
            {
                var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 19, 12, 31));
                var expected = days.Where(d => d >= from && d <= to).GroupBy(startOf).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(d => d.Day)));
                var points = await Coverage(db).TimelineAsync("aleppo", from, to, bucket);
                Assert.Equal(expected, points!.Where(p => p.Articles > 0).ToDictionary(p => p.Start, p => (p.Articles, p.Mentions)));
            }
        }
    }

    [Fact]
    public async Task The_timeline_follows_an_article_moved_to_another_day_and_one_deleted()
    {
        await using var db = await CorpusAsync();
        var id = (await db.ListArticlesAsync()).Single(a => a.Title == "عنوان a").Id;
        await using (var context = await db.OpenAsync())
        {
            var article = await context.Articles.SingleAsync(a => a.Id == id);
            article.PublishedAt = new DateTimeOffset(2016, 12, 5, 9, 0, 0, TimeSpan.Zero);
            await context.SaveChangesAsync();
        }

        var moved = await Coverage(db).TimelineAsync("aleppo", new DateOnly(2016, 12, 3), new DateOnly(2016, 12, 5), TimelineBucket.Day);
        await db.Service<ArticleStore>().DeleteAsync(id);
        var deleted = await Coverage(db).TimelineAsync("aleppo", new DateOnly(2016, 12, 3), new DateOnly(2016, 12, 5), TimelineBucket.Day);

        Assert.Equal([0, 0, 2], moved!.Select(p => p.Articles));
        Assert.Equal([0, 0, 1], deleted!.Select(p => p.Articles));
    }

    [Fact]
    public async Task Related_entities_are_those_named_in_the_most_of_its_articles()
    {
        await using var db = await CorpusAsync();

        await db.Importer.ImportAsync(Draft("d", "دمشق وحلب من جديد.", new DateOnly(2017, 1, 10)));

        var related = await Coverage(db).RelatedAsync("aleppo", 50);
        var top = await Coverage(db).RelatedAsync("aleppo", 1);

        Assert.DoesNotContain(related!, r => r.Entity.Key == "aleppo");
        Assert.Contains(related!, r => r.Entity.Key == "syria" && r.Articles == 1);
        Assert.Equal(("damascus", 2), (Assert.Single(top!).Entity.Key, top![0].Articles));
        Assert.Null(await Coverage(db).RelatedAsync("no-such-entity", 3));
    }

    [Fact]
    public async Task A_search_for_two_entities_finds_the_articles_that_mention_both_with_both_marked()
    {
        await using var db = await CorpusAsync();
        var search = db.Service<SearchService>();

        var both = await search.SearchAsync(new SearchRequest(null, EntityKey: "aleppo", WithKey: "damascus"));
        var withWords = await search.SearchAsync(new SearchRequest("هدنة", EntityKey: "aleppo", WithKey: "damascus"));
        var unknown = await search.SearchAsync(new SearchRequest(null, EntityKey: "aleppo", WithKey: "no-such-entity"));

        Assert.Equal(["عنوان b"], both.Items.Select(i => i.Title));
        Assert.Equal(["aleppo", "damascus"], both.Entities.Select(e => e.Key));
        Assert.Equal(["حلب", "دمشق"], both.Items[0].Snippets.SelectMany(s => s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length))));
        Assert.Equal(1, withWords.Total);
        Assert.Equal(0, unknown.Total);
        Assert.NotEmpty(new SearchRequest(null, WithKey: "damascus").Validate());
    }

    [Fact]
    public async Task Places_are_counted_over_the_corpus_a_range_of_days_or_an_entitys_articles()
    {
        await using var db = await CorpusAsync();

        var all = await Coverage(db).PlacesAsync(null, null, null);
        var december5 = await Coverage(db).PlacesAsync(new DateOnly(2016, 12, 5), new DateOnly(2016, 12, 5), null);
        var withDamascus = await Coverage(db).PlacesAsync(null, null, "damascus");

        Assert.Equal(4, all!.Places.Single(p => p.Place.Key == "aleppo").Articles);
        Assert.Equal(36.2021, all.Places.Single(p => p.Place.Key == "aleppo").Latitude);
        Assert.Null(all.Window);
        Assert.Equal(["aleppo", "damascus"], december5!.Places.Select(p => p.Place.Key).Order(StringComparer.Ordinal));
        Assert.All(december5.Places, p => Assert.Equal(1, p.Articles));
        Assert.Equal(["aleppo", "damascus"], withDamascus!.Places.Select(p => p.Place.Key).Order(StringComparer.Ordinal));
        Assert.Equal(EntityCoverage.Window, withDamascus.Window);
        Assert.Null(await Coverage(db).PlacesAsync(null, null, "no-such-entity"));
    }
}
