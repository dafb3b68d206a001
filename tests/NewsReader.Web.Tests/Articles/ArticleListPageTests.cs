using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Articles;
using NewsReader.Testing;
using NewsReader.Web.Components.Articles;

namespace NewsReader.Web.Tests.Articles;

public sealed class ArticleListPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        Services.AddSingleton(database.Articles);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public void An_empty_store_shows_the_empty_state()
    {
        var page = Render<ArticleListPage>();

        page.WaitForAssertion(() => Assert.Equal("No articles yet", page.Find(".empty-state h2").TextContent));
        Assert.Empty(page.FindAll("article"));
    }

    [Fact]
    public async Task Each_article_shows_title_source_date_and_excerpt_in_its_own_direction()
    {
        await database.Importer.ImportAsync(new ArticleDraft(
            "ar-1", "عنوان عربي", "نص عربي طويل.", "ar", "الوكالات", "باريس", new DateTimeOffset(2016, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        await database.Importer.ImportAsync(new ArticleDraft(
            "en-1", "An English title", "English body.", "en", "Reuters", null, new DateTimeOffset(2016, 11, 30, 0, 0, 0, TimeSpan.Zero)));

        var page = Render<ArticleListPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("article").Count));
        var cards = page.FindAll("article");
        var arabic = cards[0];
        Assert.Equal("عنوان عربي", arabic.QuerySelector("h2 a")!.TextContent);
        Assert.Equal(("auto", "ar"), (arabic.QuerySelector("h2")!.GetAttribute("dir"), arabic.QuerySelector("h2")!.GetAttribute("lang")));
        Assert.StartsWith("articles/", arabic.QuerySelector("h2 a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("الوكالات", arabic.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 December 2016", arabic.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2016-12-01", arabic.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("auto", arabic.QuerySelector(".excerpt")!.GetAttribute("dir"));
        Assert.Equal("نص عربي طويل.", arabic.QuerySelector(".excerpt")!.TextContent);
        Assert.Equal("An English title", cards[1].QuerySelector("h2 a")!.TextContent);
        Assert.Equal("en", cards[1].QuerySelector(".excerpt")!.GetAttribute("lang"));
    }
}
