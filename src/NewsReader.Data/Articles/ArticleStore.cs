using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Text;
using NewsReader.Data.Entities;
using NewsReader.Data.Search;

namespace NewsReader.Data.Articles;

/// <summary>Reads articles for pages and the API, each call on a context of its own.</summary>
public sealed class ArticleStore(IDbContextFactory<NewsReaderDbContext> contexts)
{
    /// <summary>The characters of the body a list needs for its excerpt, fetched instead of whole bodies.</summary>
    private const int ExcerptSource = 400;

    /// <summary>A page of articles, newest first, from the query's cursor on. Each filter walks an index in date order
    /// (an entity's articles walk <c>EntityArticles</c>, a reader's saved ones start from their list), so a page costs
    /// the same at the first page and the thousandth, and nothing reads the whole corpus.</summary>
    public async Task<ArticlePage> PageAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Validate() is [var problem, ..])
        {
            throw new ArgumentException(problem, nameof(query));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ordered = await OrderedAsync(db, query, cancellationToken);
        if (ordered is null)
        {
            return new ArticlePage([], null);
        }

        var rows = await ordered
            .Take(query.PageSize + 1)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Language,
                a.Direction,
                a.Source,
                a.Dateline,
                a.PublishedAt,
                a.DateKnown,
                Opening = a.Body.Substring(0, ExcerptSource),
            })
            .ToListAsync(cancellationToken);
        var page = rows.Take(query.PageSize).ToList();
        var (read, saved) = await ReadingStateAsync(db, query.ReaderId, page.Select(r => r.Id).ToList(), cancellationToken);
        var items = page
            .Select(r => new ArticleSummary(
                r.Id, r.Title, r.Language, r.Direction, r.Source, r.Dateline, r.PublishedAt, Excerpts.Opening(r.Opening),
                read.Contains(r.Id), saved.Contains(r.Id), r.DateKnown))
            .ToList();
        return new ArticlePage(items, rows.Count > query.PageSize ? ArticleCursor.After(page[^1].PublishedAt, page[^1].Id) : null);
    }

    /// <summary>The query's articles in page order, from its cursor on; null when it names an entity that does not exist.</summary>
    private static async Task<IQueryable<Article>?> OrderedAsync(NewsReaderDbContext db, ArticleQuery query, CancellationToken cancellationToken)
    {
        var (start, end) = query.Instants();
        // Strictly after the cursor in page order, written so that the date alone bounds the index range: PostgreSQL
        // reads "date < d OR (date = d AND id < i)" as a filter over the index from its top, page 1,000 as slow as OFFSET.
        var before = query.Before;
        var articles = db.Articles.AsQueryable();
        if (query.Source is { } source)
        {
            articles = articles.Where(a => a.Source == source);
        }

        if (query.Language is { } language)
        {
            articles = articles.Where(a => a.Language == language);
        }

        if (query.FeedId is { } feed)
        {
            articles = articles.Where(a => a.FeedId == feed);
        }

        if (query.Unread)
        {
            articles = articles.Where(a => !db.ArticleReads.Any(r => r.ReaderId == query.ReaderId && r.ArticleId == a.Id));
        }

        if (query.EntityKey is { } key)
        {
            var entityId = await db.EntityIdAsync(key, cancellationToken);
            if (entityId is null)
            {
                return null;
            }

            var linked = db.EntityArticles.Where(e => e.EntityId == entityId);
            linked = before is { } b ? linked.Where(e => e.PublishedAt <= b.PublishedAt && (e.PublishedAt < b.PublishedAt || e.ArticleId < b.Id)) : linked;
            linked = start is { } s ? linked.Where(e => e.PublishedAt >= s) : linked;
            linked = end is { } t ? linked.Where(e => e.PublishedAt < t) : linked;
            articles = query.Saved ? articles.Where(a => db.SavedArticles.Any(v => v.ReaderId == query.ReaderId && v.ArticleId == a.Id)) : articles;
            return from e in linked
                   join a in articles on e.ArticleId equals a.Id
                   orderby e.PublishedAt descending, e.ArticleId descending
                   select a;
        }

        articles = before is { } c ? articles.Where(a => a.PublishedAt <= c.PublishedAt && (a.PublishedAt < c.PublishedAt || a.Id < c.Id)) : articles;
        articles = start is { } from ? articles.Where(a => a.PublishedAt >= from) : articles;
        articles = end is { } to ? articles.Where(a => a.PublishedAt < to) : articles;
        if (query.Saved)
        {
            // A reader saves tens or thousands of articles, not a corpus: start from their list.
            return from v in db.SavedArticles
                   where v.ReaderId == query.ReaderId
                   join a in articles on v.ArticleId equals a.Id
                   orderby a.PublishedAt descending, a.Id descending
                   select a;
        }

        return articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
    }

    private static async Task<(HashSet<int> Read, HashSet<int> Saved)> ReadingStateAsync(
        NewsReaderDbContext db, string? readerId, List<int> ids, CancellationToken cancellationToken)
    {
        if (readerId is null || ids.Count == 0)
        {
            return ([], []);
        }

        var read = await db.ArticleReads.Where(r => r.ReaderId == readerId && ids.Contains(r.ArticleId)).Select(r => r.ArticleId).ToListAsync(cancellationToken);
        var saved = await db.SavedArticles.Where(s => s.ReaderId == readerId && ids.Contains(s.ArticleId)).Select(s => s.ArticleId).ToListAsync(cancellationToken);
        return (read.ToHashSet(), saved.ToHashSet());
    }

    /// <summary>The sources articles come from, in order, read by skipping from one to the next along the source index
    /// (a few index reads per source, not a scan of the articles); at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQuery<string>(
                $"""
                WITH RECURSIVE sources(name) AS (
                    SELECT MIN("Source") FROM "Articles"
                    UNION ALL
                    SELECT (SELECT MIN("Source") FROM "Articles" WHERE "Source" > sources.name) FROM sources WHERE sources.name IS NOT NULL)
                SELECT name AS "Value" FROM sources WHERE name IS NOT NULL LIMIT {limit}
                """)
            .ToListAsync(cancellationToken);
    }

    public async Task<Article?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Deletes an article with its mentions, its annotations and its search entry, all or nothing.
    /// Returns false when there was no such article.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EntityArticleIndex.RemoveAsync(db, id, cancellationToken);
        var feedId = await db.Articles.Where(a => a.Id == id).Select(a => a.FeedId).SingleOrDefaultAsync(cancellationToken);
        var deleted = await db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await SearchIndex.RemoveAsync(db, id, cancellationToken);
        await db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(set => set.SetProperty(f => f.ArticleCount, f => f.ArticleCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
