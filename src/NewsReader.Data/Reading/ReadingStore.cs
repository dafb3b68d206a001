using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Reading;

namespace NewsReader.Data.Reading;

/// <summary>A reader's reading state: which articles they have read, and which they saved for later.</summary>
public sealed class ReadingStore(IDbContextFactory<NewsReaderDbContext> contexts, TimeProvider clock)
{
    /// <summary>The most articles one request may mark read: a page of the front page at most.</summary>
    public const int MaxBatch = Articles.ArticleQuery.MaxPageSize;

    /// <summary>Marks articles read (those already read keep their first reading). Ids of articles that do not exist are
    /// left out; returns how many of the articles exist, all of them now read.</summary>
    public async Task<int> MarkReadAsync(string readerId, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = articleIds.Distinct().ToList();
        var existing = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var already = await db.ArticleReads.Where(r => r.ReaderId == readerId && ids.Contains(r.ArticleId)).Select(r => r.ArticleId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = existing.Except(already).Select(id => new ArticleRead { ReaderId = readerId, ArticleId = id, ReadAt = now }).ToList();
        db.ArticleReads.AddRange(added);
        await SaveIgnoringRacesAsync(db, cancellationToken);
        return existing.Count;
    }

    public async Task<bool> MarkUnreadAsync(string readerId, int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ArticleReads.Where(r => r.ReaderId == readerId && r.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Saves an article for later, or takes it off the list; false when there is no such article.</summary>
    public async Task<bool> SetSavedAsync(string readerId, int articleId, bool saved, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return false;
        }

        if (!saved)
        {
            await db.SavedArticles.Where(s => s.ReaderId == readerId && s.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
            return true;
        }

        if (!await db.SavedArticles.AnyAsync(s => s.ReaderId == readerId && s.ArticleId == articleId, cancellationToken))
        {
            db.SavedArticles.Add(new SavedArticle { ReaderId = readerId, ArticleId = articleId, SavedAt = clock.GetUtcNow() });
            await SaveIgnoringRacesAsync(db, cancellationToken);
        }

        return true;
    }

    /// <summary>Whether the reader has read and saved the article.</summary>
    public async Task<(bool Read, bool Saved)> StateAsync(string readerId, int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var read = await db.ArticleReads.AnyAsync(r => r.ReaderId == readerId && r.ArticleId == articleId, cancellationToken);
        var saved = await db.SavedArticles.AnyAsync(s => s.ReaderId == readerId && s.ArticleId == articleId, cancellationToken);
        return (read, saved);
    }

    /// <summary>Two tabs may mark the same article at once: the second one's rows are already there, which is what it wanted.</summary>
    private static async Task SaveIgnoringRacesAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
        }
    }
}
