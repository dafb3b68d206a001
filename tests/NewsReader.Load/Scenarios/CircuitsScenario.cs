using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsReader.Load.Scenarios;

/// <summary>N reader pages held open in headless Chromium, each with its Blazor circuit: the server's managed heap per
/// circuit (after a full collection, before and after), and the reader page's latency while they stay open.</summary>
internal static partial class CircuitsScenario
{
    private const int Probes = 200;
    private const int PagesPerContext = 200;

    public static async Task<int> RunAsync(LoadOptions options, AppClient app)
    {
        var (article, _) = await app.ArticleAsync(options.ArticleId);
        using var editor = await app.SignInAsync(options.EditorEmail, options.Password);
        var before = await AppClient.HeapAfterFullCollectionAsync(editor);
        var circuitsBefore = await ActiveCircuitsAsync(editor);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--renderer-process-limit=8", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        // Chromium keeps at most 255 WebSockets to a host per network context: a context per 200 pages.
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < (options.Count + PagesPerContext - 1) / PagesPerContext; i++)
        {
            contexts.Add(await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } }));
        }

        var reader = new Uri(app.Url, $"/articles/{article}").ToString();
        var (opened, failed) = (0, 0);
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            try
            {
                var page = await contexts[i / PagesPerContext].NewPageAsync();
                await page.GotoAsync(reader, new() { Timeout = 120_000 });
                await page.WaitForSelectorAsync("html[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
                if (Interlocked.Increment(ref opened) % 50 == 0)
                {
                    Console.WriteLine($"{opened} pages open");
                }
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref failed);
            }
        });

        var after = await AppClient.HeapAfterFullCollectionAsync(editor);
        var circuits = await ActiveCircuitsAsync(editor) - circuitsBefore;
        var latency = new Latencies("reader page");
        for (var i = 0; i < Probes; i++)
        {
            using var response = await latency.MeasureAsync(() => app.Anonymous.GetAsync(new Uri($"/articles/{article}", UriKind.Relative)),
                r => r.IsSuccessStatusCode ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{opened} pages open ({failed} never became interactive), {circuits} new circuits on the server; managed heap {before / 1048576.0:F1} → {after / 1048576.0:F1} MiB: "
            + $"{(after - before) / 1024.0 / Math.Max(1, circuits):F0} KiB per circuit"));
        Console.WriteLine(latency);
        if (options.HoldSeconds > 0)
        {
            Console.WriteLine($"Holding the pages open for {options.HoldSeconds} s (to inspect the server meanwhile)…");
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        return latency.Errors == 0 && failed == 0 && circuits >= options.Count ? 0 : 1;
    }

    /// <summary>The circuits the server holds, from its metrics.</summary>
    private static async Task<long> ActiveCircuitsAsync(HttpClient editor)
    {
        var metrics = await editor.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return ActiveCircuits().Matches(metrics).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^aspnetcore_components_circuits?_active\w*(?:\{[^}]*\})? (\d+)", RegexOptions.Multiline)]
    private static partial Regex ActiveCircuits();
}
