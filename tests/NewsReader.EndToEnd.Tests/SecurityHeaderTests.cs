using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The security headers on every page, the app working under its real Content-Security-Policy,
/// and the rate limit on writes.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class SecurityHeaderTests(NewsReaderApp app) : IAsyncLifetime
{
    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/{seed}")]
    [InlineData("/articles/{seed}/edit")]
    [InlineData("/articles/new")]
    [InlineData("/search?q=%D8%AD%D9%84%D8%A8")]
    [InlineData("/entities/aleppo")]
    [InlineData("/no-such-page")]
    [InlineData("/api/articles")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await app.Http.GetAsync(new Uri(path.Replace("{seed}", (await app.SeedArticleIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Each_response_has_its_own_nonce_and_the_import_map_carries_it()
    {
        static string Nonce(HttpResponseMessage r) =>
            string.Join(' ', r.Headers.GetValues("Content-Security-Policy")).Split("'nonce-")[1].Split('\'')[0];

        using var first = await app.Http.GetAsync(new Uri("/", UriKind.Relative));
        using var second = await app.Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.NotEqual(Nonce(first), Nonce(second));
        Assert.Contains($"<script type=\"importmap\" nonce=\"{Nonce(first)}\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_works_under_its_policy_with_no_violation()
    {
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, StorageState = await app.EditorStateAsync() });
        await context.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, $"/articles/{await app.SeedArticleIdAsync()}").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await NewsReaderApp.WaitUntilReaderFollowsAsync(page);

        await MouseSelection.DragAcrossAsync(page, "آن الاوان ليستيقظ المجتمع الدولي");
        await page.GetByRole(AriaRole.Button, new() { Name = "Comment" }).ClickAsync();
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("**under CSP**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.annotation-item .comment strong")).ToHaveTextAsync("under CSP");
        await page.WaitForFunctionAsync("() => CSS.highlights.get('annotation-yellow')?.size === 1");
        await page.Locator("mark.mention").First.HoverAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Paris" }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Combobox).PressSequentiallyAsync("حل", new() { Delay = 50 });
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__violations"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Writes_beyond_the_rate_limit_get_429_and_save_nothing()
    {
        await using var limited = await LimitedApp.StartAsync(writesPerMinute: 3, signInsPerMinute: 10);
        using var http = limited.Client();
        var account = new { email = "limit@newsreader.test", password = NewsReaderApp.Password };
        (await http.PostAsync(new Uri("/api/account/register", UriKind.Relative), JsonContent.Create(account))).EnsureSuccessStatusCode();
        await http.SignInByCookieAsync(account);
        const string annotation = """{"type":"Annotation","target":{"selector":{"type":"TextPositionSelector","start":0,"end":5}}}""";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAnnotationAsync(1, annotation);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("At most 3 changes a minute", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        var list = await http.GetStringAsync(new Uri("/api/articles/1/annotations", UriKind.Relative));
        Assert.Contains("\"total\":3", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/articles/1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Signing_in_too_often_gets_429_even_with_the_right_password()
    {
        await using var limited = await LimitedApp.StartAsync(writesPerMinute: 100, signInsPerMinute: 3);
        using var http = limited.Client();
        var account = new { email = "guess@newsreader.test", password = NewsReaderApp.Password };
        (await http.PostAsync(new Uri("/api/account/register", UriKind.Relative), JsonContent.Create(account))).EnsureSuccessStatusCode();

        var statuses = new List<HttpStatusCode>();
        var refusal = "";
        foreach (var password in new[] { "guess-1", "guess-2", NewsReaderApp.Password })
        {
            using var response = await http.PostAsync(new Uri("/api/account/login", UriKind.Relative), JsonContent.Create(new { account.email, password }));
            statuses.Add(response.StatusCode);
            refusal = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Too many attempts from your address", refusal, StringComparison.Ordinal);
    }

    /// <summary>An app of its own, with low limits, so that the shared app's tests are not throttled.</summary>
    private sealed class LimitedApp : IAsyncDisposable
    {
        private readonly string data = Directory.CreateTempSubdirectory("newsreader-ratelimit-").FullName;
        private WebApplicationFactory<Program> factory = null!;
        private Uri address = null!;

        public static Task<LimitedApp> StartAsync(int writesPerMinute, int signInsPerMinute)
        {
            var app = new LimitedApp();
            app.factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
                .UseSetting("ConnectionStrings:NewsReader", $"Data Source={Path.Combine(app.data, "limit.db")}")
                .UseSetting("NewsReader:SeedsPath", RepositoryFiles.SeedsFolder)
                .UseSetting("Serilog:MinimumLevel:Default", "Warning")
                .UseSetting("NewsReader:WritesPerMinute", writesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .UseSetting("NewsReader:SignInsPerMinute", signInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            app.factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            app.factory.StartServer();
            app.address = new Uri(app.factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return Task.FromResult(app);
        }

        public HttpClient Client() => NewsReaderApp.EnglishClient(new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address });

        public async ValueTask DisposeAsync()
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
