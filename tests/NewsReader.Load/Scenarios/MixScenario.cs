using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace NewsReader.Load.Scenarios;

/// <summary>Browsing, searching and annotating at a steady rate, as a newsroom's day looks: requests start on schedule
/// whether or not earlier ones have answered (an open loop), so a slow server shows as latency, not as a lower rate.</summary>
internal static class MixScenario
{
    private static readonly string[] Words = ["حلب", "هدنة", "الأمم المتحدة", "موسكو", "Aleppo", "\"وقف إطلاق النار\"", "دمشق", "اللاجئين"];

    public static async Task<int> RunAsync(LoadOptions options, AppClient app)
    {
        using var list = JsonDocument.Parse(await app.Anonymous.GetStringAsync(new Uri("/api/articles?pageSize=100", UriKind.Relative)));
        var articles = list.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToArray();
        var (article, body) = await app.ArticleAsync(options.ArticleId ?? articles[0]);
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var writers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.SignInAsync($"mix-{run}-{i}@newsreader.test", options.Password)));

        var kinds = new[] { new Latencies("front page"), new Latencies("reader page"), new Latencies("search"), new Latencies("annotate") };
        var random = new Random(2016);
        var total = options.Rate * options.Seconds;
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / options.Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var roll = random.Next(100);
            var (kind, send) = roll switch
            {
                < 40 => (kinds[0], (Func<Task<HttpResponseMessage>>)(() => app.Anonymous.GetAsync(new Uri("/", UriKind.Relative)))),
                < 65 => (kinds[1], () => app.Anonymous.GetAsync(new Uri($"/articles/{articles[random.Next(articles.Length)]}", UriKind.Relative))),
                < 85 => (kinds[2], () => app.Anonymous.GetAsync(new Uri($"/api/search?q={Uri.EscapeDataString(Words[random.Next(Words.Length)])}", UriKind.Relative))),
                _ => (kinds[3], () => writers[random.Next(writers.Length)].PostAsync(
                    new Uri($"/api/articles/{article}/annotations", UriKind.Relative), AppClient.Annotation(body, new Random(i), $"mix {i}"))),
            };
            requests.Add(Task.Run(async () =>
            {
                using var response = await kind.MeasureAsync(send, r => r.IsSuccessStatusCode || r.StatusCode == HttpStatusCode.Created
                    ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
            }));
        }

        await Task.WhenAll(requests);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:N0} requests in {clock.Elapsed.TotalSeconds:F1} s (target {options.Rate}/s)"));
        foreach (var kind in kinds)
        {
            Console.WriteLine(kind);
        }

        foreach (var writer in writers)
        {
            writer.Dispose();
        }

        return kinds.Sum(k => k.Errors) == 0 ? 0 : 1;
    }
}
