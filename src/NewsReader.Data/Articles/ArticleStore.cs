using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Text;
using NewsReader.Data.Search;

namespace NewsReader.Data.Articles;

/// <summary>Reads articles for pages and the API, each call on a context of its own.</summary>
public sealed class ArticleStore(IDbContextFactory<NewsReaderDbContext> contexts)
{
    /// <summary>The characters of the body a list needs for its excerpt, fetched instead of whole bodies.</summary>
    private const int ExcerptSource = 400;

    public async Task<IReadOnlyList<ArticleSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles
            .OrderByDescending(a => a.PublishedAt)
            .ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Language,
                a.Direction,
                a.Source,
                a.Dateline,
                a.PublishedAt,
                Opening = a.Body.Substring(0, ExcerptSource),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ArticleSummary(
                r.Id, r.Title, r.Language, r.Direction, r.Source, r.Dateline, r.PublishedAt, Excerpts.Opening(r.Opening)))
            .ToList();
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
        var deleted = await db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await SearchIndex.RemoveAsync(db, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
