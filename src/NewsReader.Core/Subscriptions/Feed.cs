namespace NewsReader.Core.Subscriptions;

/// <summary>A feed the app follows, and what it knows of it: when it was last checked and what that brought, when it
/// will be checked next, what the server said (its validators for a conditional GET, its last error in words), and
/// which app instance is polling it now (a lease, so that one feed is never polled twice at once).</summary>
public sealed class Feed
{
    public const int MaxUrlLength = 2000;
    public const int MaxTitleLength = 200;

    public int Id { get; set; }

    /// <summary>The feed's own address: the one given, or the one its page's <c>&lt;link rel="alternate"&gt;</c> named.</summary>
    public required string Url { get; set; }

    /// <summary>The page the feed was found on, when it was given as a page.</summary>
    public string? SiteUrl { get; set; }

    public required string Title { get; set; }

    /// <summary>Whether the title was given by an Editor (a poll then leaves it alone).</summary>
    public bool TitleGiven { get; set; }

    public int IntervalMinutes { get; set; }

    /// <summary>Fetch each item's page for its text when the feed carries only a summary.</summary>
    public bool FetchFullText { get; set; }

    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    public DateTimeOffset? LastNewArticleAt { get; set; }

    public DateTimeOffset NextCheckAt { get; set; }

    /// <summary>How many articles it has brought (kept with each poll and each deletion).</summary>
    public int ArticleCount { get; set; }

    /// <summary>Failed polls in a row, for the back-off.</summary>
    public int Failures { get; set; }

    /// <summary>The last failure in words ("HTTP 500", "not a feed", "timed out"), null once a poll succeeds.</summary>
    public string? LastError { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
