namespace NewsReader.Core.Subscriptions;

/// <summary>When a feed is checked next: after a success, its interval later; after failures in a row, the interval
/// doubled for each (at most a day); when the server asked for a pause (<c>Retry-After</c> on 429 or 503), no sooner
/// than it asked, up to a day.</summary>
public static class FeedSchedule
{
    public const int MinInterval = 1;
    public const int MaxInterval = 7 * 24 * 60;

    public static readonly TimeSpan MaxBackOff = TimeSpan.FromDays(1);

    public static DateTimeOffset AfterSuccess(DateTimeOffset now, int intervalMinutes) => now + TimeSpan.FromMinutes(intervalMinutes);

    public static DateTimeOffset AfterFailure(DateTimeOffset now, int intervalMinutes, int failures, TimeSpan? retryAfter = null)
    {
        var doubled = TimeSpan.FromMinutes(intervalMinutes * Math.Pow(2, Math.Clamp(failures, 0, 30)));
        var wait = doubled < MaxBackOff ? doubled : MaxBackOff;
        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked < MaxBackOff ? asked : MaxBackOff;
        }

        return now + wait;
    }

    /// <summary>What is wrong with an interval an Editor asked for, or null.</summary>
    public static string? Validate(int intervalMinutes) => intervalMinutes is < MinInterval or > MaxInterval
        ? $"A feed is checked every {MinInterval} to {MaxInterval:N0} minutes (a week)."
        : null;
}
