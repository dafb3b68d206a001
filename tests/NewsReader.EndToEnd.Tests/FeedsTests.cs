using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Following feeds in the browser, against a feed server of the tests' own: subscribe, the first poll, a 304,
/// a new item that reaches an open front page, a failing feed and a page that is not a feed, and OPML.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class FeedsTests(NewsReaderApp app) : IAsyncLifetime
{
    private FeedServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync();
        await DeleteFeedsAsync();
    }

    public async Task DisposeAsync()
    {
        await DeleteFeedsAsync();
        await app.DeleteArticlesButTheSeedAsync();
        await server.DisposeAsync();
    }

    private async Task DeleteFeedsAsync()
    {
        using var feeds = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri("/api/feeds", UriKind.Relative)));
        foreach (var id in feeds.RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetInt32()))
        {
            using var deleted = await app.Http.DeleteAsync(new Uri($"/api/feeds/{id}", UriKind.Relative));
        }
    }

    [Fact]
    public async Task A_subscription_made_in_the_browser_brings_its_articles_then_304s_then_a_new_item_to_an_open_front_page()
    {
        server.ServeFeed("/wire.rss", FeedServer.Rss("Sample Wire", ("هدنة جديدة في حلب", "https://wire.example/e2e/1", "أعلنت هدنة جديدة في حلب صباح اليوم.")));
        var page = await app.OpenAsync("/feeds");

        await page.GetByLabel("Feed or page address").FillAsync(server.Url("/wire.rss").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sample Wire" });
        await Assertions.Expect(row).ToContainTextAsync("OK", new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator("td[data-label=Articles]")).ToHaveTextAsync("1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "feeds.png") });

        // A check now is a conditional GET: the feed has not changed, and nothing new comes.
        await row.GetByRole(AriaRole.Button, new() { Name = "Check Sample Wire now" }).ClickAsync();
        await WaitForAsync(() => server.Count("/wire.rss").NotModified == 1);
        await Assertions.Expect(row.Locator("td[data-label=Articles]")).ToHaveTextAsync("1");

        // A new item reaches a front page that is open, as a count; the list moves only when the reader asks.
        var front = await app.OpenAsync("/");
        await Assertions.Expect(front.Locator(".article-card h2").First).ToHaveTextAsync("هدنة جديدة في حلب");
        server.ServeFeed("/wire.rss", FeedServer.Rss(
            "Sample Wire",
            ("قافلة مساعدات تصل إلى دمشق", "https://wire.example/e2e/2", "وصلت قافلة مساعدات إلى دمشق."),
            ("هدنة جديدة في حلب", "https://wire.example/e2e/1", "أعلنت هدنة جديدة في حلب صباح اليوم.")));
        await row.GetByRole(AriaRole.Button, new() { Name = "Check Sample Wire now" }).ClickAsync();

        var arrived = front.GetByRole(AriaRole.Button, new() { Name = "1 new article" });
        await Assertions.Expect(arrived).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(front.Locator(".article-card h2").First).ToHaveTextAsync("هدنة جديدة في حلب");
        await arrived.ClickAsync();
        await Assertions.Expect(front.Locator(".article-card h2").First).ToHaveTextAsync("قافلة مساعدات تصل إلى دمشق");
        await Assertions.Expect(arrived).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_failing_feed_and_a_page_without_a_feed_show_why()
    {
        server.ServeStatus("/down.rss", 500);
        server.Serve("/about", http =>
        {
            http.Response.ContentType = "text/html";
            return http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>About us</body></html>")).AsTask();
        });
        foreach (var (path, title) in new[] { ("/down.rss", "Down"), ("/about", "About") })
        {
            using var added = await app.Http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = server.Url(path).ToString(), title });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var page = await app.OpenAsync("/feeds");

        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Down" })).ToContainTextAsync("HTTP 500", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "About" })).ToContainTextAsync("not a feed", new() { Timeout = 15_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/feeds");
    }

    [Fact]
    public async Task The_subscriptions_go_out_as_OPML_and_come_back_in()
    {
        foreach (var url in new[] { "https://wire.example/a.rss", "https://wire.example/b.atom" })
        {
            using var added = await app.Http.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url, intervalMinutes = 60 });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var opml = await app.Anonymous.GetStringAsync(new Uri("/api/feeds/opml", UriKind.Relative));
        await DeleteFeedsAsync();
        using var imported = await app.Http.PostAsync(new Uri("/api/feeds/opml", UriKind.Relative), new StringContent(opml, Encoding.UTF8, "text/x-opml"));
        using var result = JsonDocument.Parse(await imported.Content.ReadAsStringAsync());
        using var notOpml = await app.Http.PostAsync(new Uri("/api/feeds/opml", UriKind.Relative), new StringContent("<rss/>", Encoding.UTF8, "text/xml"));
        using var anonymous = await app.Anonymous.PostAsync(new Uri("/api/feeds/opml", UriKind.Relative), new StringContent(opml, Encoding.UTF8, "text/x-opml"));

        Assert.Contains("xmlUrl=\"https://wire.example/a.rss\"", opml, StringComparison.Ordinal);
        Assert.Equal(2, result.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, notOpml.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var feeds = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri("/api/feeds", UriKind.Relative)));
        Assert.Equal(["https://wire.example/a.rss", "https://wire.example/b.atom"],
            feeds.RootElement.EnumerateArray().Select(f => f.GetProperty("url").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"url": "not a url"}""", "is not an http or https address")]
    [InlineData("""{"url": "https://wire.example/x", "intervalMinutes": 0}""", "checked every 1 to")]
    [InlineData("""{}""", "Give the address")]
    public async Task A_bad_subscription_gets_400_with_the_reason(string body, string reason)
    {
        using var response = await app.Http.PostAsync(new Uri("/api/feeds", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 150 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
