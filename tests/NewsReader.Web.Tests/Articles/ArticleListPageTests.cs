using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Core.Articles;
using NewsReader.Data.Reading;
using NewsReader.Testing;
using NewsReader.Web.Components.Articles;

namespace NewsReader.Web.Tests.Articles;

public sealed class ArticleListPageTests : InterfaceContext, IAsyncLifetime
{
    private TestDatabase database = null!;
    private Bunit.TestDoubles.BunitAuthorizationContext authorization = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        Services.AddSingleton(database.Articles);
        Services.AddSingleton(database.Entities);
        Services.AddSingleton(database.Service<ReadingStore>());
        Services.AddSingleton(database.Service<Data.Subscriptions.FeedStore>());
        Services.AddSingleton(database.Service<Data.Articles.ArticleArrivals>());
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        authorization = AddAuthorization();
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static ArticleDraft Draft(int day) =>
        new($"d{day}", $"عنوان {day}", $"نص الخبر {day}.", "ar", "الوكالات", null, new DateTimeOffset(2016, 12, 1, 0, 0, 0, TimeSpan.Zero).AddHours(day));

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

    [Fact]
    public async Task A_page_holds_thirty_articles_and_links_to_the_older_ones()
    {
        for (var i = 1; i <= 31; i++)
        {
            await database.Importer.ImportAsync(Draft(i));
        }

        var page = Render<ArticleListPage>();

        page.WaitForAssertion(() => Assert.Equal(30, page.FindAll("article").Count));
        Assert.Equal("عنوان 31", page.Find("article h2 a").TextContent);
        var older = page.Find("a[rel=next]");
        Assert.Equal("Older articles", older.TextContent);
        Assert.StartsWith("/?before=", older.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".save"));
    }

    [Fact]
    public async Task A_bad_cursor_in_the_address_says_so_and_offers_the_newest()
    {
        await database.Importer.ImportAsync(Draft(1));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/?before=garbage");

        var page = Render<ArticleListPage>();

        page.WaitForAssertion(() => Assert.Contains("not one this app made", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("article"));
    }

    [Fact]
    public async Task A_signed_in_reader_sees_what_is_new_and_can_save_an_article()
    {
        var reader = database.Service<ReadingStore>();
        await using (var context = await database.OpenAsync())
        {
            context.Users.Add(new Data.Accounts.ReaderAccount { Id = "ann", UserName = "ann", Email = "ann@example.org" });
            await context.SaveChangesAsync();
        }

        var id = (await database.Importer.ImportAsync(Draft(1))).ArticleId;
        await database.Importer.ImportAsync(Draft(2));
        await reader.MarkReadAsync("ann", [id]);
        authorization.SetAuthorized("ann");
        authorization.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "ann"));

        var page = Render<ArticleListPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("article").Count));
        Assert.Equal(["عنوان 2"], page.FindAll("article.unread h2 a").Select(a => a.TextContent));
        page.FindAll("button.save")[1].Click();
        page.WaitForAssertion(() => Assert.Equal("true", page.FindAll("button.save")[1].GetAttribute("aria-pressed")));
        Assert.True((await reader.StateAsync("ann", id)).Saved);
    }
}
