using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

/// <summary>Two instances on one PostgreSQL database behind the repository's nginx configuration, as a newsroom
/// deploys them (docs/deployment.md).</summary>
[Collection(InstancesAppGroup.Name)]
public sealed class InstancesTests(InstancesApp app)
{
    private static async Task<List<JsonElement>> ArticlesAsync(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/articles?pageSize=100", UriKind.Relative)));
        return list.RootElement.GetProperty("items").EnumerateArray().Select(a => a.Clone()).ToList();
    }

    private static int SeedId(IEnumerable<JsonElement> articles) =>
        articles.Single(a => a.GetProperty("title").GetString()!.StartsWith("ايرولت", StringComparison.Ordinal)).GetProperty("id").GetInt32();

    [Fact]
    public async Task Both_instances_started_at_once_on_an_empty_database_serve_one_seeded_corpus()
    {
        var onA = SeedId(await ArticlesAsync(app.A.BaseAddress));
        var onB = SeedId(await ArticlesAsync(app.B.BaseAddress));

        Assert.Equal(onA, onB);
        using var http = new HttpClient { BaseAddress = app.Proxy.BaseAddress };
        using var aleppo = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/entities/aleppo", UriKind.Relative)));
        Assert.Equal("Aleppo", aleppo.RootElement.GetProperty("name").GetString());
        Assert.True(aleppo.RootElement.GetProperty("mentionCount").GetInt32() > 0);
    }

    [Fact]
    public async Task A_reader_signed_in_through_the_proxy_is_known_to_each_instance_and_reads_there_what_they_wrote_on_the_other()
    {
        var seed = SeedId(await ArticlesAsync(app.A.BaseAddress));
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var sockets = new List<string>();
        context.Page += (_, page) => page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        // Registered and signed in through the proxy, in the browser.
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.Proxy.BaseAddress, "/account/register").ToString());
        await page.GetByLabel("Display name").FillAsync("قارئة");
        await page.GetByLabel("E-mail").FillAsync("instances@newsreader.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(InstancesApp.Password);
        await page.GetByLabel("Password again").FillAsync(InstancesApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "قارئة" })).ToBeVisibleAsync();

        // The circuit runs over a WebSocket through nginx.
        await InstancesApp.OpenAsync(context, app.Proxy.BaseAddress, $"/articles/{seed}");
        Assert.Contains(sockets, url => url.StartsWith($"ws://{app.Proxy.BaseAddress.Authority}/_blazor", StringComparison.Ordinal));

        // A comment written on instance A with the proxy's cookie (cookies are per host, not port)...
        // (with the antiforgery token a script signed in by the cookie fetches first)...
        var annotation = W3CAnnotations.Of("نزوحا كثيفا تحت وطأة هجوم عنيف", "كتبت على الأولى").ToJsonString();
        var tokenResponse = await context.APIRequest.GetAsync(new Uri(app.A.BaseAddress, "/api/account/antiforgery").ToString());
        using var token = JsonDocument.Parse(await tokenResponse.TextAsync());
        var written = await context.APIRequest.PostAsync(new Uri(app.A.BaseAddress, $"/api/articles/{seed}/annotations").ToString(), new()
        {
            DataString = annotation,
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = W3CAnnotations.MediaType,
                [token.RootElement.GetProperty("headerName").GetString()!] = token.RootElement.GetProperty("token").GetString()!,
            },
        });
        Assert.Equal((int)HttpStatusCode.Created, written.Status);

        // ...is on the reader's page served by instance B.
        var onB = await InstancesApp.OpenAsync(context, app.B.BaseAddress, $"/articles/{seed}");
        var panel = onB.GetByRole(AriaRole.Region, new() { Name = "Your highlights" });
        await Assertions.Expect(panel).ToContainTextAsync("كتبت على الأولى");
    }

    [Fact]
    public async Task Articles_a_feed_poll_brings_on_one_instance_are_announced_on_front_pages_open_on_both()
    {
        await using var server = await FeedServer.StartAsync();
        server.ServeFeed("/instances.rss", FeedServer.Rss("Instances Wire", ("قافلة إلى حلب", "https://wire.example/instances/1", "وصلت قافلة مساعدات إلى حلب.")));
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var fronts = new[]
        {
            await InstancesApp.OpenAsync(context, app.A.BaseAddress, "/"),
            await InstancesApp.OpenAsync(context, app.B.BaseAddress, "/"),
        };

        // Polled at once by whichever instance takes the feed first; the other hears of it through PostgreSQL.
        using var added = await app.Editor.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = server.Url("/instances.rss").ToString() });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        foreach (var front in fronts)
        {
            await Assertions.Expect(front.GetByRole(AriaRole.Button, new() { Name = "1 new article" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }

        Assert.Equal((1, 0), server.Count("/instances.rss"));
    }
}
