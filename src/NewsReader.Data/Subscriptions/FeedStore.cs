using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Subscriptions;

namespace NewsReader.Data.Subscriptions;

/// <summary>What an Editor asks for when subscribing to a feed or changing one.</summary>
public sealed record FeedRequest(string? Url, string? Title = null, int? IntervalMinutes = null, bool? FetchFullText = null);

/// <summary>A feed as the Feeds page and the API show it, with the reader's unread count (0 when anonymous).</summary>
public sealed record FeedView(Feed Feed, int Unread);

/// <summary>The feed subscriptions: Editors add, change and remove them (an address is checked before it is kept), and
/// everyone reads them with their state. A new or refreshed feed is due at once, so the poller takes it next.</summary>
public sealed class FeedStore(IDbContextFactory<NewsReaderDbContext> contexts, TimeProvider clock, FeedSignal signal, IOptions<FeedOptions> options)
{
    public async Task<IReadOnlyList<FeedView>> ListAsync(string? readerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Title).ThenBy(f => f.Id).ToListAsync(cancellationToken);

        // A reader's reads number in the thousands at most: counted per feed from them, not from the feeds' articles.
        var read = readerId is null
            ? new Dictionary<int, int>()
            : await (from r in db.ArticleReads
                     where r.ReaderId == readerId
                     join a in db.Articles on r.ArticleId equals a.Id
                     where a.FeedId != null
                     group a by a.FeedId into g
                     select new { FeedId = g.Key!.Value, Count = g.Count() })
                .ToDictionaryAsync(g => g.FeedId, g => g.Count, cancellationToken);
        return feeds.Select(f => new FeedView(f, readerId is null ? 0 : Math.Max(0, f.ArticleCount - read.GetValueOrDefault(f.Id)))).ToList();
    }

    public async Task<Feed?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Feeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
    }

    /// <summary>Subscribes; the new feed, or the problem with the request (already subscribed, a bad address…).</summary>
    public async Task<(Feed? Feed, string? Problem)> AddAsync(FeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request, requireUrl: true) is { } problem)
        {
            return (null, problem);
        }

        var url = Address(request.Url!)!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Feeds.AnyAsync(f => f.Url == url || f.SiteUrl == url, cancellationToken))
        {
            return (null, $"{url} is already a subscription.");
        }

        var now = clock.GetUtcNow();
        var title = request.Title?.Trim();
        var feed = new Feed
        {
            Url = url,
            Title = string.IsNullOrEmpty(title) ? new Uri(url).Host : title,
            TitleGiven = !string.IsNullOrEmpty(title),
            IntervalMinutes = request.IntervalMinutes ?? options.Value.IntervalMinutes,
            FetchFullText = request.FetchFullText ?? false,
            CreatedAt = now,
            NextCheckAt = now,
        };
        db.Feeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (null, $"{url} is already a subscription.");
        }

        signal.Announce();
        return (feed, null);
    }

    /// <summary>Changes a feed's title, interval or full-text option; false when there is no such feed.</summary>
    public async Task<(bool Found, string? Problem)> UpdateAsync(int id, FeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request, requireUrl: false) is { } problem)
        {
            return (true, problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feed is null)
        {
            return (false, null);
        }

        if (request.Title is { } title)
        {
            (feed.Title, feed.TitleGiven) = string.IsNullOrWhiteSpace(title) ? (feed.Title, false) : (title.Trim(), true);
        }

        if (request.IntervalMinutes is { } interval && interval != feed.IntervalMinutes)
        {
            feed.IntervalMinutes = interval;
            feed.NextCheckAt = FeedSchedule.AfterSuccess(feed.LastCheckedAt ?? clock.GetUtcNow(), interval);
        }

        feed.FetchFullText = request.FetchFullText ?? feed.FetchFullText;
        await db.SaveChangesAsync(cancellationToken);
        signal.Announce();
        return (true, null);
    }

    /// <summary>Unsubscribes; the feed's articles stay, no longer linked to it. False when there was no such feed.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Articles.Where(a => a.FeedId == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.FeedId, (int?)null), cancellationToken);
        return await db.Feeds.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Makes a feed due now, back-off or not; false when there is no such feed.</summary>
    public async Task<bool> RefreshAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Feeds.Where(f => f.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.NextCheckAt, clock.GetUtcNow()), cancellationToken);
        signal.Announce();
        return updated > 0;
    }

    /// <summary>Subscribes to each feed of an OPML file not yet followed: how many were added, how many were there already,
    /// and the reasons for the ones refused.</summary>
    public async Task<(int Added, int Existing, IReadOnlyList<string> Problems)> ImportAsync(
        IEnumerable<OpmlOutline> outlines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outlines);
        var (added, existing, problems) = (0, 0, new List<string>());
        foreach (var outline in outlines)
        {
            var (feed, problem) = await AddAsync(new FeedRequest(outline.Url, outline.Title), cancellationToken);
            if (feed is not null)
            {
                added++;
                if (outline.SiteUrl is { } site && Address(site) is { } siteUrl)
                {
                    await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                    await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(set => set.SetProperty(f => f.SiteUrl, siteUrl), cancellationToken);
                }
            }
            else if (problem!.EndsWith("is already a subscription.", StringComparison.Ordinal))
            {
                existing++;
            }
            else
            {
                problems.Add(problem);
            }
        }

        return (added, existing, problems);
    }

    public async Task<IReadOnlyList<OpmlOutline>> OutlinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Feeds.AsNoTracking().OrderBy(f => f.Title).Select(f => new OpmlOutline(f.Url, f.Title, f.SiteUrl)).ToListAsync(cancellationToken);
    }

    /// <summary>An absolute http(s) address as it will be kept, or null.</summary>
    public static string? Address(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri.AbsoluteUri
            : null;

    private static string? Validate(FeedRequest request, bool requireUrl)
    {
        if (requireUrl && string.IsNullOrWhiteSpace(request.Url))
        {
            return "Give the address of a feed, or of a page that links to one.";
        }

        if (request.Url is { } url && (url.Length > Feed.MaxUrlLength || Address(url) is null))
        {
            return $"'{(url.Length > 80 ? url[..80] + "…" : url)}' is not an http or https address.";
        }

        if (request.Title?.Trim().Length > Feed.MaxTitleLength)
        {
            return $"A title may have at most {Feed.MaxTitleLength} characters.";
        }

        return request.IntervalMinutes is { } interval ? FeedSchedule.Validate(interval) : null;
    }
}
