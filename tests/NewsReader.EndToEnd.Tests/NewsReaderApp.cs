using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The whole app on real Kestrel (a free loopback port) over a fresh SQLite file seeded from the
/// repository's seeds, and one headless Debian Chromium shared by the tests of the collection.</summary>
public sealed class NewsReaderApp : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("newsreader-e2e-").FullName;
    private WebApplicationFactory<Program> factory = null!;
    private IPlaywright playwright = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client signed in (by cookie) as the first account, which is therefore an Editor.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A client with no account.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public const string EditorEmail = "editor@newsreader.test";

    public const string Password = "Reading-2016";

    private string signedInState = "";

    /// <summary>The running app's services, for tests that put data in as the app's own importers do.</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>Where screenshots go, for people to look at after a run.</summary>
    public static string ScreenshotFolder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:NewsReader", $"Data Source={Path.Combine(dataFolder, "e2e.db")}")
            .UseSetting("NewsReader:SeedsPath", RepositoryFiles.SeedsFolder)
            .UseSetting("Serilog:MinimumLevel:Default", "Warning")
            .UseSetting("NewsReader:WritesPerMinute", "100000")
            .UseSetting("NewsReader:SignInsPerMinute", "100000")
            .UseSetting("NewsReader:AccountRefreshSeconds", "0")
            .UseSetting("NewsReader:AllowPrivateFeedHosts", "true"));
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
        Anonymous = EnglishClient(new HttpClient { BaseAddress = BaseAddress });
        Http = await SignedInClientAsync(EditorEmail);

        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>The tests' clients ask for English, the language their assertions are written in; without a preference
    /// the app answers in Arabic.</summary>
    public static HttpClient EnglishClient(HttpClient http)
    {
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return http;
    }

    /// <summary>An HTTP client signed in by cookie as a reader with this e-mail, registered first if need be.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var http = EnglishClient(new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseAddress });
        var account = JsonContent.Create(new { email, password = Password });
        using (await http.PostAsync(new Uri("/api/account/register", UriKind.Relative), account))
        {
        }

        await http.SignInByCookieAsync(new { email, password = Password });
        return http;
    }

    /// <summary>A page in a context of its own (its own cookies), signed in as the Editor, at the given path, once the circuit is live.</summary>
    public async Task<IPage> OpenAsync(string path, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, StorageState = await EditorStateAsync() });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>The Editor's signed-in browser state (cookies), for tests that make their own browser contexts.</summary>
    public async Task<string> EditorStateAsync()
    {
        if (signedInState.Length == 0)
        {
            signedInState = await SignInStateAsync(EditorEmail);
        }

        return signedInState;
    }

    /// <summary>A page for a visitor without an account.</summary>
    public Task<IPage> OpenAnonymousAsync(string path) =>
        OpenAsync(path, new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });

    /// <summary>Signs in through the sign-in page, as a reader does, and keeps the browser's cookies.</summary>
    public async Task<string> SignInStateAsync(string email)
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BaseAddress, "/account/login").ToString());
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/").ToString(), new() { Timeout = 15_000 });
        return await context.StorageStateAsync();
    }

    /// <summary>The seed article's reader page, once its script follows the selection, the pointer and the focus.</summary>
    public async Task<IPage> OpenSeedReaderAsync()
    {
        var page = await OpenAsync($"/articles/{await SeedArticleIdAsync()}");
        await WaitUntilReaderFollowsAsync(page);
        return page;
    }

    public async Task<int> SeedArticleIdAsync()
    {
        using var list = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/api/articles?pageSize=100", UriKind.Relative)));
        return list.RootElement.GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("title").GetString()!.StartsWith("ايرولت", StringComparison.Ordinal)).GetProperty("id").GetInt32();
    }

    /// <summary>Deletes every article but the seed, so that tests which add articles leave the corpus as they found it.</summary>
    public async Task DeleteArticlesButTheSeedAsync()
    {
        var seed = await SeedArticleIdAsync();
        while (true)
        {
            using var list = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/api/articles?pageSize=100", UriKind.Relative)));
            var others = list.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).Where(id => id != seed).ToList();
            if (others.Count == 0)
            {
                return;
            }

            foreach (var id in others)
            {
                using var deleted = await Http.DeleteAsync(new Uri($"/api/articles/{id}", UriKind.Relative));
                deleted.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>Deletes the local reader's annotations of an article, so that a test starts from none.</summary>
    public async Task ClearAnnotationsAsync(int articleId)
    {
        while (true)
        {
            using var list = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative)));
            var items = list.RootElement.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                return;
            }

            foreach (var item in items)
            {
                using var deleted = await Http.DeleteAsync(new Uri(item.GetProperty("id").GetString()!));
                deleted.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>Switches an interactive page to the dark theme, which the browser then keeps for every page.</summary>
    public static async Task SwitchToDarkThemeAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]", new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Clicks before the Blazor circuit connects are lost; the layout marks the moment it does.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("html[data-interactive=true]", new() { State = WaitForSelectorState.Attached });

    /// <summary>Until the reader page's script follows the selection, the pointer and the focus: the page is
    /// interactive a moment earlier, and a mark hovered in that moment shows no card.</summary>
    public static Task WaitUntilReaderFollowsAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-tracking=true]", new() { State = WaitForSelectorState.Attached });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        Http.Dispose();
        Anonymous.Dispose();
        await factory.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class NewsReaderAppGroup : ICollectionFixture<NewsReaderApp>
{
    public const string Name = "NewsReader app";
}
