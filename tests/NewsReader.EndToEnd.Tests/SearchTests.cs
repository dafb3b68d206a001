using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

[Collection(NewsReaderAppGroup.Name)]
public partial class SearchTests(NewsReaderApp app)
{
    [Fact]
    public async Task Typing_two_letters_suggests_Aleppo_and_picking_it_lists_the_seed_with_marked_snippets()
    {
        var page = await app.OpenAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search articles by person, place or words" });

        await box.PressSequentiallyAsync("حل", new() { Delay = 50 });
        var aleppo = page.GetByRole(AriaRole.Option, new() { NameRegex = AleppoOption() });
        await Assertions.Expect(aleppo).ToBeVisibleAsync();
        await Assertions.Expect(aleppo).ToContainTextAsync("حلب");
        await aleppo.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(EntityResults(), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 article mentioning Aleppo");
        var result = page.Locator("ol.results li").First;
        await Assertions.Expect(result.Locator("h2")).ToContainTextAsync("ايرولت يدعو");
        await Assertions.Expect(result.Locator(".snippet").First).ToHaveAttributeAsync("dir", "auto");
        await Assertions.Expect(result.Locator(".snippet mark").First).ToHaveTextAsync("حلب");
        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "search.png"), FullPage = true });
    }

    [Fact]
    public async Task Suggestions_can_be_chosen_with_the_keyboard()
    {
        var page = await app.OpenAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search articles by person, place or words" });

        await box.PressSequentiallyAsync("anka", new() { Delay = 50 });
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToContainTextAsync("Ankara");
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Ankara" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("[role=option][aria-selected=true]")).ToHaveCountAsync(1);
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(EntityResults(), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 article mentioning Ankara");
    }

    [Fact]
    public async Task An_English_name_typed_in_full_finds_the_Arabic_article()
    {
        var page = await app.OpenAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search articles by person, place or words" });

        await box.FillAsync("Syrian Observatory");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(TextResults(), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("ol.results li h2").First).ToContainTextAsync("ايرولت يدعو");
        await Assertions.Expect(page.Locator("ol.results .snippet mark").First).ToContainTextAsync("المرصد");
    }

    [Fact]
    public async Task A_search_with_no_result_offers_nearby_names()
    {
        var page = await app.OpenAsync("/search?q=" + Uri.EscapeDataString("حلبستان"));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("0 articles containing “حلبستان”");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aleppo", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_bad_search_gets_a_clear_message()
    {
        var page = await app.OpenAsync("/search?q=" + new string('x', 501));

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The query is longer than 500 characters.");
    }

    [Fact]
    public async Task The_search_page_has_no_serious_accessibility_violations()
    {
        var page = await app.OpenAsync("/search?entity=aleppo");

        await Accessibility.AssertNoSeriousViolationsAsync(page, page.Url);
    }

    [Theory]
    [InlineData("q=%D9%87%D8%AF%D9%86%D9%87&entity=aleppo", 1)]
    [InlineData("q=%D8%A7%D9%84%D8%A7%D8%B3%D8%AF", 1)]
    [InlineData("q=%22%28*%20NEAR%20OR", 0)]
    public async Task The_search_api_answers_with_totals_items_and_snippets(string query, int total)
    {
        using var found = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/search?{query}", UriKind.Relative)));

        Assert.Equal(total, found.RootElement.GetProperty("total").GetInt32());
        Assert.True(found.RootElement.GetProperty("totalIsExact").GetBoolean());
        if (total > 0)
        {
            var item = found.RootElement.GetProperty("items")[0];
            Assert.Equal(["articleId", "title", "publishedAt", "mentionCount", "snippets"], item.EnumerateObject().Select(p => p.Name));
            var snippet = item.GetProperty("snippets")[0];
            var highlight = snippet.GetProperty("highlights")[0];
            Assert.True(highlight.GetProperty("start").GetInt32() + highlight.GetProperty("length").GetInt32() <= snippet.GetProperty("text").GetString()!.Length);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%D8%AD%D9%84%D8%A8&type=planet")]
    [InlineData("q=%D8%AD%D9%84%D8%A8&page=0")]
    [InlineData("q=%D8%AD%D9%84%D8%A8&pageSize=500")]
    public async Task Bad_searches_get_400_with_problem_details(string query)
    {
        using var response = await app.Http.GetAsync(new Uri($"/api/search?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_over_long_search_gets_400()
    {
        using var response = await app.Http.GetAsync(new Uri($"/api/search?q={new string('x', 501)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("^Aleppo حلب")]
    private static partial Regex AleppoOption();

    [GeneratedRegex("/search\\?entity=")]
    private static partial Regex EntityResults();

    [GeneratedRegex("/search\\?q=")]
    private static partial Regex TextResults();
}
