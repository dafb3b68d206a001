using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Keeps the full-text index in step with the articles. The index is an SQLite FTS5 table
/// (<c>ArticleSearch</c>, contentless: it stores no text of its own) over a shadow of each article:
/// its title and body normalized and stemmed, one stem per word. Its rowid is the article id.</summary>
public static class SearchIndex
{
    public const string Table = "ArticleSearch";

    /// <summary>Replaces the article's index entry, inside the caller's transaction.</summary>
    public static async Task IndexAsync(NewsReaderDbContext db, Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        await RemoveAsync(db, article.Id, cancellationToken);
        var title = ArabicStemmer.StemText(article.Title);
        var body = ArabicStemmer.StemText(article.Body);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch (rowid, Title, Body) VALUES ({article.Id}, {title}, {body})", cancellationToken);
    }

    /// <summary>Indexes every article the index lacks: after the index is first created, or after a crash
    /// between an article and its entry (which share a transaction, so this should find none).</summary>
    public static async Task<int> IndexMissingAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = await db.Articles
            .FromSql($"SELECT * FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleSearch)")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        foreach (var article in missing)
        {
            await IndexAsync(db, article, cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>Removes an article's index entry, inside the caller's transaction.</summary>
    public static async Task RemoveAsync(NewsReaderDbContext db, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", cancellationToken);
    }
}
