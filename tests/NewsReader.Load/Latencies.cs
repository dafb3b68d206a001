using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace NewsReader.Load;

/// <summary>How long each request of one kind took, and which failed and how: printed as p50/p95/p99.</summary>
internal sealed class Latencies(string kind)
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private readonly ConcurrentDictionary<string, int> errors = new(StringComparer.Ordinal);

    public string Kind { get; } = kind;

    public int Count => milliseconds.Count;

    public int Errors => errors.Values.Sum();

    /// <summary>Times one request; a failure is counted by its status or exception, never thrown.</summary>
    public async Task<T?> MeasureAsync<T>(Func<Task<T>> request, Func<T, string?> problem)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await request();
            milliseconds.Add(clock.Elapsed.TotalMilliseconds);
            if (problem(result) is { } failed)
            {
                errors.AddOrUpdate(failed, 1, (_, n) => n + 1);
            }

            return result;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            errors.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            return default;
        }
    }

    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public override string ToString()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Kind,-14} {Count,7:N0} requests   p50 {Percentile(50),8:F1} ms   p95 {Percentile(95),8:F1} ms   p99 {Percentile(99),8:F1} ms   errors {Errors:N0}");
        return errors.IsEmpty ? line : $"{line} ({string.Join(", ", errors.Select(e => $"{e.Key}: {e.Value}"))})";
    }
}
