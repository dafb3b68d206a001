using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The places on maps (the corpus's, an article's, a place's) and an entity over time, in Chromium and through
/// the API.</summary>
[Collection(NewsReaderAppGroup.Name)]
public partial class MapTests(NewsReaderApp app)
{
    [Fact]
    public async Task The_map_page_shows_the_places_and_a_click_on_one_opens_its_search()
    {
        var page = await app.OpenAsync("/map");
        await NewsReaderApp.WaitUntilInteractiveAsync(page);

        var moscow = page.Locator("svg.world-map a[data-place=moscow] circle");
        await Assertions.Expect(moscow).ToBeVisibleAsync();
        Assert.True(await page.Locator("svg.world-map circle").CountAsync() >= 10);
        var countries = await page.Locator("svg.world-map use.countries").BoundingBoxAsync();
        Assert.True(countries is { Width: > 300, Height: > 150 }, "the countries are drawn");
        await moscow.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SearchForMoscow());
        await Assertions.Expect(page.Locator("ol.results li").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_map_page_lists_the_same_places_for_the_keyboard()
    {
        var page = await app.OpenAsync("/map");
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        var list = page.Locator("ol.place-list");
        var link = list.GetByRole(AriaRole.Link, new() { NameRegex = AleppoEntry() });

        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(SearchForAleppo());
        Assert.Equal(-1, await (await app.OpenAsync("/map")).Locator("svg.world-map a").First.EvaluateAsync<int>("a => a.tabIndex"));
    }

    [Fact]
    public async Task The_map_page_filters_by_days_and_an_entity_in_its_address()
    {
        var none = await app.OpenAsync("/map?from=2000-01-01&to=2000-12-31");
        await Assertions.Expect(none.GetByRole(AriaRole.Status)).ToContainTextAsync("No article in this choice names a place");

        var withAyrault = await app.OpenAsync("/map?entity=jean-marc-ayrault");
        await Assertions.Expect(withAyrault.Locator(".window")).ToContainTextAsync("Jean-Marc Ayrault");
        Assert.Contains("with=aleppo", await withAyrault.Locator("ol.place-list a").Filter(new() { HasTextRegex = AleppoEntry() }).GetAttributeAsync("href"), StringComparison.Ordinal);

        var bad = await app.OpenAsync("/map?from=yesterday");
        await Assertions.Expect(bad.Locator(".mud-alert")).ToContainTextAsync("2016-12-01");
    }

    [Fact]
    public async Task The_readers_map_steps_through_a_places_mentions_with_its_card()
    {
        var page = await app.OpenSeedReaderAsync();
        var ankara = page.Locator(".reader-aside svg.world-map circle[data-place=ankara]");

        await ClickUncoveredAsync(ankara);
        await Assertions.Expect(page.Locator("mark.mention:focus")).ToHaveAttributeAsync("data-entity", "ankara");
        var first = await page.Locator("mark.mention:focus").GetAttributeAsync("data-start");
        await Assertions.Expect(page.GetByTestId("mention-card")).ToContainTextAsync("Ankara");
        await ClickUncoveredAsync(ankara);

        await Assertions.Expect(page.Locator("mark.mention:focus")).Not.ToHaveAttributeAsync("data-start", first!);
        await Assertions.Expect(page.Locator("mark.mention:focus")).ToHaveAttributeAsync("data-entity", "ankara");
        await Assertions.Expect(ankara).ToHaveClassAsync(ChosenPlace());
    }

    [Fact]
    public async Task An_entity_page_shows_its_coverage_over_time_and_the_entities_named_with_it()
    {
        var page = await app.OpenAsync("/entities/aleppo");
        await NewsReaderApp.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.Locator(".place-map svg.world-map circle")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".timeline-chart rect.bar")).Not.ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "By month" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline-chart rect.bar")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".timeline-chart figcaption")).ToContainTextAsync("December 2016");

        var related = page.Locator("ol.related a").Filter(new() { HasText = "Jean-Marc Ayrault" });
        await related.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(BothEntities());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ايرولت");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "search for two entities");
    }

    [Fact]
    public async Task The_places_API_answers_GeoJSON_points_with_their_article_counts()
    {
        using var response = await app.Http.GetAsync(new Uri("/api/places", UriKind.Relative));

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var aleppo = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "aleppo");
        Assert.Equal("Point", aleppo.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(37.1343, aleppo.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.Equal(1, aleppo.GetProperty("properties").GetProperty("articles").GetInt32());
        Assert.Equal("Aleppo", aleppo.GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_timeline_and_related_APIs_answer_and_refuse_bad_parameters_with_problems()
    {
        var timeline = await app.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/entities/aleppo/timeline?from=2016-11-30&to=2016-12-02&bucket=day", UriKind.Relative));
        var related = await app.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/entities/aleppo/related?limit=3", UriKind.Relative));

        Assert.Equal(["2016-11-30:0", "2016-12-01:1", "2016-12-02:0"], timeline.EnumerateArray().Select(p => $"{p.GetProperty("start").GetString()}:{p.GetProperty("articles").GetInt32()}"));
        Assert.Equal(3, related.GetArrayLength());
        Assert.All(related.EnumerateArray(), r => Assert.Equal(1, r.GetProperty("articles").GetInt32()));
        foreach (var (path, status) in new[]
        {
            ("/api/entities/aleppo/timeline?bucket=year", HttpStatusCode.BadRequest),
            ("/api/entities/aleppo/timeline?from=2016-12-31&to=2016-12-01", HttpStatusCode.BadRequest),
            ("/api/entities/aleppo/timeline?from=1900-01-01&to=2016-12-01&bucket=day", HttpStatusCode.BadRequest),
            ("/api/entities/aleppo/related?limit=0", HttpStatusCode.BadRequest),
            ("/api/entities/aleppo/related?limit=ten", HttpStatusCode.BadRequest),
            ("/api/entities/nowhere/timeline", HttpStatusCode.NotFound),
            ("/api/entities/nowhere/related", HttpStatusCode.NotFound),
            ("/api/places?entity=nowhere", HttpStatusCode.NotFound),
            ("/api/places?from=soon", HttpStatusCode.BadRequest),
            ("/api/search?with=aleppo", HttpStatusCode.BadRequest),
        })
        {
            using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>Aleppo's districts and Syria sit south-east of Ankara, their circles over part of its: Ankara is clicked on
    /// its north-west side.</summary>
    private static async Task ClickUncoveredAsync(ILocator circle)
    {
        var box = (await circle.BoundingBoxAsync())!;
        await circle.ClickAsync(new() { Position = new Position { X = box.Width * 0.2f, Y = box.Height * 0.2f } });
    }

    [GeneratedRegex(@"/search\?entity=aleppo$")]
    private static partial Regex SearchForAleppo();

    [GeneratedRegex(@"/search\?entity=moscow$")]
    private static partial Regex SearchForMoscow();

    [GeneratedRegex(@"/search\?entity=aleppo&with=jean-marc-ayrault$")]
    private static partial Regex BothEntities();

    [GeneratedRegex(@"^Aleppo \d")]
    private static partial Regex AleppoEntry();

    [GeneratedRegex("chosen")]
    private static partial Regex ChosenPlace();
}
