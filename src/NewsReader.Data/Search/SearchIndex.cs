using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Keeps the search indexes in step with the articles and their mentions. Each provider keeps two
/// (<see cref="ISearchIndex"/>), keyed by article id and holding no text of their own: the text index, a shadow of each
/// article's title and body normalized and stemmed, one stem per word, with positions (for phrases and ranking); and the
/// terms index, without positions: each distinct stem, as it is and at its weight, each pair of stems side by side at its
/// weight, and each entity the article mentions (<see cref="IndexTerms"/>). A save re-indexes what it changes
/// (<see cref="IndexChanges"/>).</summary>
public static class SearchIndex
{
    /// <summary>After filling this many entries at once, the indexes are tidied (<see cref="MergeAsync"/>).</summary>
    public const int BulkFill = 1000;

    /// <summary>Replaces the article's entries in both indexes, inside the caller's transaction, once its mentions are saved.</summary>
    public static async Task IndexAsync(NewsReaderDbContext db, Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        await db.Provider.Search.RemoveAsync(db, article.Id, cancellationToken);
        await db.Provider.Search.AddAsync(db, article.Id, SearchEntry.Of(article.Title, article.Body, await MentionedAsync(db, article.Id, cancellationToken)), cancellationToken);
    }

    /// <summary>Replaces the terms of articles whose mentions changed but whose text did not.</summary>
    public static async Task IndexMentionsAsync(NewsReaderDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Body })
            .ToListAsync(cancellationToken);
        foreach (var article in articles)
        {
            var terms = IndexTerms.Of(
                ArabicStemmer.Stems(article.Title), ArabicStemmer.Stems(article.Body), await MentionedAsync(db, article.Id, cancellationToken));
            await db.Provider.Search.ReplaceTermsAsync(db, article.Id, terms, cancellationToken);
        }
    }

    /// <summary>Indexes every article an index lacks: after an index is (re)created, or after a crash between an article
    /// and its entries (which share a transaction, except a PostgreSQL bulk import's, whose entries commit just after
    /// their batch; a running import's are waited for, not taken for missing). The tables' rows are counted first, and
    /// only when they differ are the articles looked through, a thousand at a time, in id order, their entries computed in
    /// parallel: the corpus is never in memory at once.</summary>
    public static async Task<int> IndexMissingAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var search = db.Provider.Search;
        if (await search.AllIndexedAsync(db, cancellationToken))
        {
            return 0;
        }

        var indexed = 0;
        for (var after = 0; ;)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await search.LockEntriesAsync(db, cancellationToken);
            var ids = await search.UnindexedAsync(db, after, BulkFill, cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Title, a.Body }).ToListAsync(cancellationToken);
            var entities = (await db.Mentions.Where(m => ids.Contains(m.ArticleId)).Select(m => new { m.ArticleId, m.EntityId }).Distinct().ToListAsync(cancellationToken))
                .ToLookup(m => m.ArticleId, m => m.EntityId);
            var entries = new SearchEntry[articles.Count];
            Parallel.For(0, articles.Count, i => entries[i] = SearchEntry.Of(articles[i].Title, articles[i].Body, entities[articles[i].Id]));
            foreach (var (article, entry) in articles.Zip(entries))
            {
                await search.RemoveAsync(db, article.Id, cancellationToken);
                await search.AddAsync(db, article.Id, entry, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            (after, indexed) = (ids[^1], indexed + ids.Count);
        }

        if (indexed >= BulkFill)
        {
            await MergeAsync(db, cancellationToken);
        }

        return indexed;
    }

    /// <summary>Tidies the indexes after a bulk fill: written article by article, an index is left in many small
    /// pieces, and a search looks each term up in every one.</summary>
    public static async Task MergeAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await foreach (var _ in db.Provider.Search.MergeAsync(db, cancellationToken))
        {
        }
    }

    private static Task<List<int>> MentionedAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Mentions.Where(m => m.ArticleId == articleId).Select(m => m.EntityId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Removes an article's index entries, inside the caller's transaction.</summary>
    public static async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Provider.Search.RemoveAsync(db, articleId, cancellationToken);
    }
}
