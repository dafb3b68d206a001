using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace NewsReader.Load.Scenarios;

/// <summary>N readers annotating one article at once through the API, each with its own account; then every write
/// the server acknowledged with 201 is read back, with its comment.</summary>
internal static class AnnotateScenario
{
    public static async Task<int> RunAsync(LoadOptions options, AppClient app)
    {
        var (article, body) = await app.ArticleAsync(options.ArticleId);
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        Console.WriteLine($"Signing in {options.Count} readers…");
        var readers = new HttpClient[options.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            readers[i] = await app.SignInAsync($"load-{run}-{i}@newsreader.test", options.Password));

        var writes = new Latencies("annotate");
        var acknowledged = new ConcurrentBag<(int Reader, Uri Location, string Comment)>();
        var start = new TaskCompletionSource();
        var clock = new Stopwatch();
        var tasks = readers.Select((http, reader) => Task.Run(async () =>
        {
            var random = new Random(reader);
            await start.Task;
            for (var i = 0; i < options.Writes; i++)
            {
                if (options.ThinkMilliseconds > 0)
                {
                    // Readers do not all write in step: each waits a random share of the pause, about the pause on average.
                    await Task.Delay(random.Next(options.ThinkMilliseconds / 2, options.ThinkMilliseconds * 3 / 2));
                }

                var comment = $"reader {reader}, note {i}";
                using var created = await writes.MeasureAsync(
                    () => http.PostAsync(new Uri($"/api/articles/{article}/annotations", UriKind.Relative), AppClient.Annotation(body, random, comment)),
                    r => r.StatusCode == HttpStatusCode.Created ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
                if (created?.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add((reader, created.Headers.Location!, comment));
                }
            }
        })).ToList();

        Console.WriteLine($"{options.Count} readers × {options.Writes} writes on article {article}, {options.ThinkMilliseconds} ms apart…");
        clock.Start();
        start.SetResult();
        await Task.WhenAll(tasks);
        clock.Stop();

        var lost = 0;
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (write, cancellationToken) =>
        {
            using var fetched = await readers[write.Reader].GetAsync(write.Location, cancellationToken);
            var comment = fetched.IsSuccessStatusCode
                ? JsonNode.Parse(await fetched.Content.ReadAsStringAsync(cancellationToken))!["body"]?[0]?["value"]?.GetValue<string>()
                : null;
            if (comment != write.Comment)
            {
                Interlocked.Increment(ref lost);
            }
        });

        Console.WriteLine(writes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{acknowledged.Count:N0} acknowledged in {clock.Elapsed.TotalSeconds:F1} s ({acknowledged.Count / clock.Elapsed.TotalSeconds:F0} writes/s); read back: {acknowledged.Count - lost:N0}, lost: {lost}"));
        foreach (var http in readers)
        {
            http.Dispose();
        }

        return lost == 0 && writes.Errors == 0 ? 0 : 1;
    }
}
