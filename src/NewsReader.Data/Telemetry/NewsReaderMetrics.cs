using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsReader.Data.Telemetry;

/// <summary>The app's own measurements, on the <c>NewsReader</c> meter (exported at <c>/metrics</c> with ASP.NET Core's,
/// Kestrel's, the circuits', EF Core's and the runtime's). A static meter, as EF Core's own: the counts are of the
/// process, whatever container resolves the services.</summary>
public static class NewsReaderMetrics
{
    public const string MeterName = "NewsReader";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> ArticlesImported =
        Meter.CreateCounter<long>("newsreader.articles.imported", "{article}", "Articles stored by an import, a feed poll or the browser");

    private static readonly Counter<long> FeedPolls =
        Meter.CreateCounter<long>("newsreader.feed.polls", "{poll}", "Feed polls, by outcome (ok, not_modified, failed)");

    private static readonly Counter<long> AnnotationWrites =
        Meter.CreateCounter<long>("newsreader.annotation.writes", "{write}", "Annotations created, replaced or deleted");

    private static readonly Counter<long> Jobs =
        Meter.CreateCounter<long>("newsreader.jobs.finished", "{job}", "Background jobs finished, by kind and outcome");

    private static readonly Histogram<double> SearchDuration =
        Meter.CreateHistogram<double>("newsreader.search.duration", "s", "Time to answer an article search");

    public static void Imported(int articles) => ArticlesImported.Add(articles);

    public static void Polled(string outcome) => FeedPolls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void AnnotationWritten(string operation) => AnnotationWrites.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public static void JobFinished(string kind, bool failed) =>
        Jobs.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", failed ? "failed" : "done"));

    /// <summary>Records the time since <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) as a search's.</summary>
    public static void Searched(long started) => SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
}
