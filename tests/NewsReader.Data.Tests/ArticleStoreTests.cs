using NewsReader.Core.Articles;
using NewsReader.Data.Articles;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

public class ArticleStoreTests
{
    private static ArticleDraft Draft(string key, int day, string? body = null) =>
        new(key, "عنوان " + key, body ?? $"نص الخبر {key}.", "ar", "الوكالات", null, new DateTimeOffset(2016, 12, day, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_list_is_newest_first_with_short_excerpts()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Importer.ImportAsync(Draft("old", 1));
        await db.Importer.ImportAsync(Draft("new", 3, string.Join(" ", Enumerable.Repeat("كلمة", 300))));
        await db.Importer.ImportAsync(Draft("mid", 2));

        var list = await db.ListArticlesAsync();

        Assert.Equal(["عنوان new", "عنوان mid", "عنوان old"], list.Select(a => a.Title));
        Assert.EndsWith("…", list[0].Excerpt, StringComparison.Ordinal);
        Assert.InRange(list[0].Excerpt.Length, 100, 221);
    }

    [Fact]
    public async Task An_unknown_id_finds_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Null(await db.Articles.FindAsync(12345));
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_and_nothing_is_stored()
    {
        await using var db = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<InvalidArticleException>(() => db.Importer.ImportAsync(Draft("bad", 1, "  ")));

        Assert.Equal(["The body is empty."], error.Problems);
        Assert.Empty(await db.ListArticlesAsync());
    }

    [Fact]
    public async Task Importing_the_same_draft_again_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var outcomes = new[]
        {
            await db.Importer.ImportAsync(Draft("same", 1)),
            await db.Importer.ImportAsync(Draft("same", 1)),
            await db.Importer.ImportAsync(Draft("same", 1) with { Title = "عنوان مصحح" }),
        };

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Unchanged, ImportOutcome.Updated], outcomes.Select(o => o.Outcome));
    }
}
