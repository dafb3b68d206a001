using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The reader's own highlights and comments, found from the search page's second tab and the API.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class AnnotationSearchTests(NewsReaderApp app) : IAsyncLifetime
{
    private const string Passage = "تشهد الاحياء الشرقية لمدينة حلب في شمال";
    private int articleId;

    public async Task InitializeAsync()
    {
        articleId = await app.SeedArticleIdAsync();
        await app.ClearAnnotationsAsync(articleId);
        var annotation = W3CAnnotations.Of(Passage, "ربما **هدنة** قريبة", ["to verify"]);
        using var created = await app.Http.PostAnnotationAsync(articleId, annotation.ToJsonString());
        created.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(articleId);

    [Fact]
    public async Task A_comment_is_found_in_its_own_tab_and_leads_back_to_its_passage()
    {
        var page = await app.OpenAsync("/search?q=" + Uri.EscapeDataString("هدنه"));
        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "Results" });
        await Assertions.Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "Your annotations (1)" })).ToBeVisibleAsync();

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Your annotations (1)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("in=annotations"), new() { Timeout = 15_000 });
        var result = page.Locator(".annotation-results li");
        await Assertions.Expect(result.Locator(".quote")).ToHaveTextAsync(Passage);
        await Assertions.Expect(result.Locator(".comment strong")).ToHaveTextAsync("هدنة");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 of your annotations match “هدنه”");

        await result.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/\\d+#annotation-"), new() { Timeout = 15_000 });
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        var item = page.GetByRole(AriaRole.Region, new() { Name = "Your highlights" }).Locator("li.annotation-item");
        await Assertions.Expect(item).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task An_entity_finds_the_annotations_whose_passage_mentions_it_with_the_mention_marked()
    {
        var page = await app.OpenAsync("/search?entity=aleppo&in=annotations");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 of your annotations are about Aleppo");
        await Assertions.Expect(page.Locator(".annotation-results .quote mark")).ToHaveTextAsync("حلب");
    }

    [Fact]
    public async Task The_API_searches_annotations_with_the_article_searchs_rules()
    {
        using var found = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri("/api/search/annotations?q=" + Uri.EscapeDataString("الأحياء"), UriKind.Relative)));
        var item = Assert.Single(found.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(Passage, item.GetProperty("exact").GetString());
        Assert.Equal("الاحياء", Passage.Substring(item.GetProperty("highlights")[0].GetProperty("start").GetInt32(), item.GetProperty("highlights")[0].GetProperty("length").GetInt32()));

        using var bad = await app.Http.GetAsync(new Uri("/api/search/annotations?q=", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var none = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri("/api/search/annotations?q=nothing-like-this", UriKind.Relative)));
        Assert.Equal(0, none.RootElement.GetProperty("total").GetInt32());
    }
}
