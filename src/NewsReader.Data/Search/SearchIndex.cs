using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Keeps the full-text indexes in step with the articles and their mentions. Both are SQLite FTS5 tables,
/// contentless (they store no text of their own), whose rowid is the article id. <c>ArticleSearch</c> holds a shadow
/// of each article: its title and body normalized and stemmed, one stem per word, with positions (for phrases and
/// bm25). <c>ArticleTerms</c> has no positions: each distinct stem, as it is and at its weight, each pair of stems side
/// by side at its weight, and each entity the article mentions (<see cref="IndexTerms"/>). A save re-indexes what it changes (<see cref="IndexChanges"/>).</summary>
public static class SearchIndex
{
    /// <summary>After filling this many entries at once, the indexes' segments are merged into one (<see cref="MergeAsync"/>).</summary>
    public const int BulkFill = 1000;

    /// <summary>Replaces the article's entries in both indexes, inside the caller's transaction, once its mentions are saved.</summary>
    public static async Task IndexAsync(NewsReaderDbContext db, Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        await RemoveAsync(db, article.Id, cancellationToken);
        var titleStems = ArabicStemmer.Stems(article.Title);
        var bodyStems = ArabicStemmer.Stems(article.Body);
        var title = string.Join(' ', titleStems);
        var body = string.Join(' ', bodyStems);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch (rowid, Title, Body) VALUES ({article.Id}, {title}, {body})", cancellationToken);
        await InsertTermsAsync(db, article.Id, titleStems, bodyStems, cancellationToken);
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
            await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleTerms WHERE rowid = {article.Id}", cancellationToken);
            await InsertTermsAsync(db, article.Id, ArabicStemmer.Stems(article.Title), ArabicStemmer.Stems(article.Body), cancellationToken);
        }
    }

    /// <summary>Indexes every article an index lacks: after an index is first created, or after a crash
    /// between an article and its entries (which share a transaction, so this should find none).</summary>
    public static async Task<int> IndexMissingAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unsearchable = await db.Articles
            .FromSql($"SELECT * FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleSearch)")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        foreach (var article in unsearchable)
        {
            await IndexAsync(db, article, cancellationToken);
        }

        // Articles indexed before the terms index existed keep their full-text entry.
        var termless = await db.Database
            .SqlQuery<int>($"SELECT Id AS Value FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleTerms)")
            .ToListAsync(cancellationToken);
        foreach (var batch in termless.Chunk(BulkFill))
        {
            await IndexMentionsAsync(db, batch, cancellationToken);
        }

        if (unsearchable.Count + termless.Count >= BulkFill)
        {
            await MergeAsync(db, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return unsearchable.Count + termless.Count;
    }

    /// <summary>Merges each index's segments into one. Written article by article, FTS5 keeps several segments of
    /// each size, and a search looks each term up in every one (about 10% of a search on 50,000 articles); merging
    /// them takes about 2 s there, so it is done after a bulk fill rather than after every article.</summary>
    public static async Task MergeAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch (ArticleSearch) VALUES ('optimize')", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleTerms (ArticleTerms) VALUES ('optimize')", cancellationToken);
    }

    private static async Task InsertTermsAsync(
        NewsReaderDbContext db, int articleId, List<string> titleStems, List<string> bodyStems, CancellationToken cancellationToken)
    {
        var entityIds = await db.Mentions.Where(m => m.ArticleId == articleId).Select(m => m.EntityId).Distinct().ToListAsync(cancellationToken);
        var terms = IndexTerms.Of(titleStems, bodyStems, entityIds);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleTerms (rowid, Terms) VALUES ({articleId}, {terms})", cancellationToken);
    }

    /// <summary>Removes an article's index entries, inside the caller's transaction.</summary>
    public static async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleTerms WHERE rowid = {articleId}", cancellationToken);
    }
}
