using System.Net.Http.Json;
using Microsoft.Playwright;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

/// <summary>Two instances of the app, started at the same moment on an empty database of the tests' PostgreSQL
/// server, behind nginx; and one headless Chromium.</summary>
public sealed class InstancesApp : IAsyncLifetime
{
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(120);

    private readonly string connectionString = TestServer.NewPostgreSqlDatabase("newsreader_e2e");
    private IPlaywright playwright = null!;

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The first account, registered through the proxy, and so an Editor.</summary>
    public HttpClient Editor { get; private set; } = null!;

    public const string Password = NewsReaderApp.Password;

    public async Task InitializeAsync()
    {
        string[] settings =
        [
            "--NewsReader:Database=PostgreSQL",
            $"--ConnectionStrings:NewsReader={connectionString}",
            $"--NewsReader:SeedsPath={RepositoryFiles.SeedsFolder}",
            "--NewsReader:AllowPrivateFeedHosts=true",
            "--NewsReader:AccountRefreshSeconds=0",
            "--Serilog:MinimumLevel:Default=Warning",
        ];
        A = AppProcess.StartWeb(settings);
        B = AppProcess.StartWeb(settings);
        await Task.WhenAll(A.WaitUntilHealthyAsync(StartUp), B.WaitUntilHealthyAsync(StartUp));
        Proxy = await NginxProxy.StartAsync([A.BaseAddress, B.BaseAddress]);

        Editor = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Proxy.BaseAddress };
        var account = new { email = NewsReaderApp.EditorEmail, password = Password };
        (await Editor.PostAsJsonAsync(new Uri("/api/account/register", UriKind.Relative), account)).EnsureSuccessStatusCode();
        await Editor.SignInByCookieAsync(account);

        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>A page of an instance (or the proxy), once its circuit is live.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, Uri server, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server, path).ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Stops whatever started, even after a failed start: no instance or proxy outlives the tests.</summary>
    public async Task DisposeAsync()
    {
        foreach (var part in new IAsyncDisposable?[] { Browser, Proxy, A, B })
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }

        playwright?.Dispose();
        Editor?.Dispose();
        await TestServer.DropPostgreSqlDatabaseAsync(connectionString);
    }
}

[CollectionDefinition(Name)]
public sealed class InstancesAppGroup : ICollectionFixture<InstancesApp>
{
    public const string Name = "Two instances behind nginx";
}
