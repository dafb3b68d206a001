using System.Globalization;

namespace NewsReader.Load;

/// <summary>What to run: a scenario, its size, and the app to run it against.</summary>
internal sealed record LoadOptions(string Scenario, int Count, Uri Url, string EditorEmail, string Password, int Writes, int ThinkMilliseconds, int Rate, int Seconds, int HoldSeconds, int? ArticleId)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/NewsReader.Load -- SCENARIO [options]
          circuits N     hold N reader pages (Blazor circuits) open in Chromium; heap per circuit after a full GC, and the
                         reader page's latency while they are open (--hold S keeps them open S seconds more)
          annotate N     N readers annotating at once through the API, each --writes times with --think ms between
                         (0: as fast as the server answers); every 201 is read back
          mix            browsing, searching and annotating at --rate requests a second for --seconds
        Options: --url http://127.0.0.1:5000  --editor EMAIL --password PASSWORD (an Editor: reads /metrics)
                 --writes 20  --think 0  --rate 50  --seconds 60  --article ID (the reader page to open; default the newest)
        Start the app with limits that a single load machine does not trip, for example
          --NewsReader:WritesPerMinute=1000000 --NewsReader:SignInsPerMinute=100000
        """;

    public static LoadOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("circuits" or "annotate" or "mix"))
        {
            return null;
        }

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = 0;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                named[args[i][2..]] = args[++i];
            }
            else if (!int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                return null;
            }
        }

        int Number(string name, int fallback) => named.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(
            args[0], count, new Uri(named.GetValueOrDefault("url", "http://127.0.0.1:5000")), named.GetValueOrDefault("editor", "editor@newsreader.test"),
            named.GetValueOrDefault("password", "Reading-2016"), Number("writes", 20), Number("think", 0), Number("rate", 50), Number("seconds", 60), Number("hold", 0),
            named.TryGetValue("article", out var article) ? int.Parse(article, CultureInfo.InvariantCulture) : null);
    }
}
