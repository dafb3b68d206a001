using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Data.Annotations;
using NewsReader.Data.Reading;
using NewsReader.Testing;
using NewsReader.Web.Api;
using NewsReader.Web.Components.Reader;

namespace NewsReader.Web.Tests.Reader;

/// <summary>The reader page rendered over the seeded store, as a signed-in reader: the article, its panels, and the
/// page following its state.</summary>
public sealed class ReaderPageTests : InterfaceContext, IAsyncLifetime
{
    private TestDatabase database = null!;
    private int seedId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync();
        seedId = (await database.ListArticlesAsync()).Single().Id;
        Services.AddSingleton(database.Articles);
        Services.AddSingleton(database.Entities);
        Services.AddSingleton(database.Service<AnnotationStore>());
        Services.AddSingleton(database.Service<ReadingStore>());
        Services.AddScoped<ReaderState>();
        Services.AddScoped<AnnotationFiles>();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("reader").SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "reader-1"));
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public void The_page_shows_the_article_in_its_direction_with_its_marks_and_panels()
    {
        var page = Render<ReaderPage>(p => p.Add(x => x.Id, seedId));

        page.WaitForAssertion(() => Assert.StartsWith("ايرولت", page.Find("h1#article-title").TextContent, StringComparison.Ordinal));
        Assert.Equal("rtl", page.Find("[data-testid=article-body]").GetAttribute("dir"));
        Assert.Equal(8, page.FindAll("mark.mention[data-entity=aleppo]").Count);
        Assert.Contains("Aleppo", page.Find(".entity-panel").TextContent, StringComparison.Ordinal);
        Assert.Equal("Select a passage and choose Highlight.", page.Find(".annotation-list .empty").TextContent);
    }

    [Fact]
    public async Task A_selection_shows_the_toolbar_and_a_highlight_lands_in_the_panel()
    {
        var page = Render<ReaderPage>(p => p.Add(x => x.Id, seedId));
        var state = Services.GetRequiredService<ReaderState>();
        page.WaitForAssertion(() => Assert.NotNull(state.Article));
        var start = state.Article!.Body.IndexOf("حلب", StringComparison.Ordinal);

        await page.InvokeAsync(() => state.Select(start, start + 3, 10, 10));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[role=toolbar]")));

        page.Find("[role=toolbar] button[aria-keyshortcuts=h]").Click();

        page.WaitForAssertion(() => Assert.Equal("حلب", page.Find(".annotation-list li .quote").TextContent));
        Assert.Empty(page.FindAll("[role=toolbar]"));
    }
}
