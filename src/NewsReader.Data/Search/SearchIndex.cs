using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Keeps the full-text indexes in step with the articles. Both are SQLite FTS5 tables, contentless (they
/// store no text of their own), whose rowid is the article id. <c>ArticleSearch</c> holds a shadow of each article:
/// its title and body normalized and stemmed, one stem per word. <c>ArticleWordWeights</c> holds each distinct stem
/// once, with its weight in the article (<see cref="WordWeights"/>), for one-word searches.</summary>
public static class SearchIndex
{
    /// <summary>After filling this many entries at once, the indexes' segments are merged into one.</summary>
    private const int BulkFill = 1000;

    /// <summary>Replaces the article's index entries, inside the caller's transaction.</summary>
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
        await InsertWeightsAsync(db, article.Id, [.. titleStems, .. bodyStems], cancellationToken);
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

        // Articles indexed before the weights index existed keep their full-text entry.
        var unweighed = await db.Articles
            .FromSql($"SELECT * FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleWordWeights)")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        foreach (var article in unweighed)
        {
            await InsertWeightsAsync(db, article.Id, [.. ArabicStemmer.Stems(article.Title), .. ArabicStemmer.Stems(article.Body)], cancellationToken);
        }

        if (unsearchable.Count + unweighed.Count >= BulkFill)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch (ArticleSearch) VALUES ('optimize')", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleWordWeights (ArticleWordWeights) VALUES ('optimize')", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return unsearchable.Count + unweighed.Count;
    }

    private static async Task InsertWeightsAsync(NewsReaderDbContext db, int articleId, List<string> stems, CancellationToken cancellationToken)
    {
        var terms = WordWeights.Terms(stems);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleWordWeights (rowid, Terms) VALUES ({articleId}, {terms})", cancellationToken);
    }

    /// <summary>Removes an article's index entries, inside the caller's transaction.</summary>
    public static async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleWordWeights WHERE rowid = {articleId}", cancellationToken);
    }
}
