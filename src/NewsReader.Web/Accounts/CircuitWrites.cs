using System.Threading.RateLimiting;

namespace NewsReader.Web.Accounts;

/// <summary>Writes made in the browser's circuit (highlights, comments, shares, deletions, imports, uploads) count
/// against the API's limit, <c>NewsReader:WritesPerMinute</c>, per reader: a script that drives the page's events
/// cannot write faster than the API would let it. The API's limit is per address; this one is per account, since the
/// circuit knows who is writing.</summary>
public sealed class CircuitWrites : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public CircuitWrites(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        PerMinute = configuration.GetValue("NewsReader:WritesPerMinute", 120);
        limiter = PartitionedRateLimiter.Create<string, string>(reader => RateLimitPartition.GetFixedWindowLimiter(
            reader, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>What a refused writer is told ({0}: the writes allowed a minute); the key of its translations.</summary>
    public const string Refusal = "Too many changes: at most {0} a minute. Wait a minute and try again; nothing was saved.";

    public int PerMinute { get; }

    /// <summary>Takes one write of the reader's allowance for this minute; false when it is used up.</summary>
    public bool TryWrite(string readerId)
    {
        using var lease = limiter.AttemptAcquire(readerId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
