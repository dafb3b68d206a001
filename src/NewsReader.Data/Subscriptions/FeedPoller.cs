using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsReader.Core.Articles;
using NewsReader.Core.Importing;
using NewsReader.Core.Importing.Syndication;
using NewsReader.Core.Subscriptions;
using NewsReader.Data.Articles;
using NewsReader.Data.Importing;
using NewsReader.Data.Telemetry;

namespace NewsReader.Data.Subscriptions;

/// <summary>Polls the feeds that are due, each under a lease (so that across app instances one feed is polled by one at a
/// time), a few at once: a slow or failing feed never holds up the others. A poll is a conditional GET; a page is
/// looked through for its feed; the items go through the import path one article per transaction (dedupe by link and
/// by normalized text, recognition, search index); and the feed's state records what happened, in words.</summary>
public sealed class FeedPoller(
    IDbContextFactory<NewsReaderDbContext> contexts,
    FeedFetcher fetcher,
    ArticleBatchImporter importer,
    ArticleArrivals arrivals,
    TimeProvider clock,
    ILogger<FeedPoller> logger)
{
    /// <summary>Items whose text is shorter than this are taken as summaries, for feeds that ask for full text.</summary>
    private const int SummaryLength = 600;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>This process's name as a lease owner.</summary>
    public string Owner { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 50)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Polls every feed that is due and free; returns how many were polled.</summary>
    public async Task<int> PollDueAsync(CancellationToken cancellationToken = default)
    {
        List<int> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            due = await db.Feeds.Where(f => f.NextCheckAt <= now && (f.LeaseUntil == null || f.LeaseUntil < now))
                .OrderBy(f => f.NextCheckAt).Select(f => f.Id).Take(20).ToListAsync(cancellationToken);
        }

        var polled = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (id, token) =>
        {
            if (await ClaimAsync(id, token) is { } feed)
            {
                await PollAsync(feed, token);
                Interlocked.Increment(ref polled);
            }
        });
        return polled;
    }

    /// <summary>Takes a feed for this process, if no other holds it.</summary>
    private async Task<Feed?> ClaimAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var taken = await db.Feeds.Where(f => f.Id == id && f.NextCheckAt <= now && (f.LeaseUntil == null || f.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.LeaseOwner, Owner).SetProperty(f => f.LeaseUntil, now + Lease), cancellationToken);
        return taken == 1 ? await db.Feeds.AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken) : null;
    }

    /// <summary>Polls one feed now and records the outcome; never throws for the feed's own failures.</summary>
    public async Task PollAsync(Feed feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var now = clock.GetUtcNow();
        var created = 0;
        try
        {
            var response = await fetcher.GetAsync(new Uri(feed.Url), feed.ETag, feed.LastModified, Feeds.MaxFeedBytes, cancellationToken);
            if (response.Status != HttpStatusCode.NotModified)
            {
                (response, feed.Url, feed.SiteUrl) = await FeedOfAsync(response, feed, cancellationToken);
                created = await ImportAsync(feed, response, now, cancellationToken);
            }

            (feed.ETag, feed.LastModified) = (response.ETag, response.LastModified);
            (feed.Failures, feed.LastError) = (0, null);
            feed.NextCheckAt = FeedSchedule.AfterSuccess(now, feed.IntervalMinutes);
            feed.LastNewArticleAt = created > 0 ? now : feed.LastNewArticleAt;
            NewsReaderMetrics.Polled(response.Status == HttpStatusCode.NotModified ? "not_modified" : "ok");
        }
        catch (FetchException e)
        {
            feed.Failures++;
            feed.LastError = e.Message.Length > 500 ? e.Message[..499] + "…" : e.Message;
            feed.NextCheckAt = FeedSchedule.AfterFailure(now, feed.IntervalMinutes, feed.Failures, e.RetryAfter);
            logger.LogInformation("Feed {Id} ({Url}) failed: {Error}; next check {Next}", feed.Id, feed.Url, feed.LastError, feed.NextCheckAt);
            NewsReaderMetrics.Polled("failed");
        }

        feed.LastCheckedAt = now;
        await SaveStateAsync(feed, cancellationToken);
        arrivals.Publish(created);
    }

    /// <summary>The feed itself: the response when it is one, else the feed the page links to (fetched once).</summary>
    private async Task<(FetchResponse Response, string Url, string? SiteUrl)> FeedOfAsync(FetchResponse response, Feed feed, CancellationToken cancellationToken)
    {
        if (!FeedDiscovery.IsPage(response.ContentType, response.Body))
        {
            return (response, feed.Url, feed.SiteUrl);
        }

        var html = FeedText.Decode(response.Body, response.ContentType).Text;
        var found = FeedDiscovery.Find(html, response.Url) ?? throw new FetchException("not a feed: a web page that links to no feed");
        var feedResponse = await fetcher.GetAsync(found, null, null, Feeds.MaxFeedBytes, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.Feeds.AnyAsync(f => f.Id != feed.Id && f.Url == found.AbsoluteUri, cancellationToken);
        return taken ? (feedResponse, feed.Url, feed.SiteUrl) : (feedResponse, found.AbsoluteUri, feed.SiteUrl ?? feed.Url);
    }

    private async Task<int> ImportAsync(Feed feed, FetchResponse response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ParsedFeed parsed;
        try
        {
            parsed = Feeds.Parse(feed.Title, response.Body, response.ContentType, response.Url);
        }
        catch (InvalidDataException e)
        {
            throw new FetchException(e.Message.Replace($"{feed.Title}: ", "", StringComparison.Ordinal), inner: e);
        }

        if (!feed.TitleGiven && parsed.Title is { Length: > 0 } title)
        {
            feed.Title = title.Length > Feed.MaxTitleLength ? title[..(Feed.MaxTitleLength - 1)] + "…" : title;
        }

        var created = 0;
        foreach (var item in Feeds.Items(feed.Title, parsed, now))
        {
            if (item.Draft is not { } draft)
            {
                logger.LogInformation("Feed {Id}: {Problem}", feed.Id, item.Problem);
                continue;
            }

            draft = await WithFullTextAsync(feed, draft, cancellationToken) with { FeedId = feed.Id };
            var result = await importer.StoreAsync(item.Name, draft, cancellationToken);
            created += result.Status == ImportStatus.Imported ? 1 : 0;
        }

        return created;
    }

    /// <summary>The item's text from its page, when the feed asks for full text and the item carries only a summary.</summary>
    private async Task<ArticleDraft> WithFullTextAsync(Feed feed, ArticleDraft draft, CancellationToken cancellationToken)
    {
        if (!feed.FetchFullText || draft.Body.Length >= SummaryLength || !Uri.TryCreate(draft.SourceKey, UriKind.Absolute, out var link)
            || link.Scheme is not ("http" or "https"))
        {
            return draft;
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Already stored: its text was fetched when it came.
            if (await db.Articles.AnyAsync(a => a.SourceKey == draft.SourceKey, cancellationToken))
            {
                return draft;
            }
        }

        try
        {
            var page = await fetcher.GetAsync(link, null, null, ArticleFiles.MaxFileBytes, cancellationToken);
            var text = FullText.Extract(FeedText.Decode(page.Body, page.ContentType).Text, page.Url, draft.Title);
            return text is { Length: > 0 } && text.Length > draft.Body.Length && System.Text.Encoding.UTF8.GetByteCount(text) <= ArticleDraft.MaxBodyBytes
                ? draft with { Body = text }
                : draft;
        }
        catch (FetchException e)
        {
            logger.LogInformation("Feed {Id}: the page of {Link} could not be read ({Error}); its summary is kept", feed.Id, link, e.Message);
            return draft;
        }
    }

    private async Task SaveStateAsync(Feed feed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Feeds.Where(f => f.Id == feed.Id)
            .ExecuteUpdateAsync(
                set => set.SetProperty(f => f.Url, feed.Url)
                    .SetProperty(f => f.SiteUrl, feed.SiteUrl)
                    .SetProperty(f => f.Title, f => f.TitleGiven ? f.Title : feed.Title)
                    .SetProperty(f => f.ETag, feed.ETag)
                    .SetProperty(f => f.LastModified, feed.LastModified)
                    .SetProperty(f => f.LastCheckedAt, feed.LastCheckedAt)
                    .SetProperty(f => f.LastNewArticleAt, feed.LastNewArticleAt)
                    .SetProperty(f => f.NextCheckAt, feed.NextCheckAt)
                    .SetProperty(f => f.Failures, feed.Failures)
                    .SetProperty(f => f.LastError, feed.LastError)
                    .SetProperty(f => f.LeaseOwner, (string?)null)
                    .SetProperty(f => f.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
    }
}
