using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>Recomputes the gazetteer's mentions of an article. A reader's own mentions and dismissals
/// survive every re-scan: a recognized mention that overlaps a reader's, or that was dismissed, is left out.</summary>
public sealed class MentionScanner(IDbContextFactory<NewsReaderDbContext> contexts, RecognizerCache recognizers)
{
    /// <summary>Stages the new mentions of <paramref name="article"/> in <paramref name="db"/>, to be saved
    /// in the same transaction as the article itself.</summary>
    public async Task StageAsync(NewsReaderDbContext db, Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        var recognizer = await recognizers.GetAsync(db, cancellationToken);
        var kept = new List<Mention>();
        var dismissed = new HashSet<(int, int, int)>();
        if (article.Id != 0)
        {
            var existing = await db.Mentions.Where(m => m.ArticleId == article.Id).ToListAsync(cancellationToken);
            db.Mentions.RemoveRange(existing.Where(m => m.Source == MentionSource.Gazetteer));
            kept = existing.Where(m => m.Source == MentionSource.Reader).ToList();
            dismissed = (await db.MentionDismissals
                    .Where(d => d.ArticleId == article.Id)
                    .Select(d => new { d.EntityId, d.Start, d.Length })
                    .ToListAsync(cancellationToken))
                .Select(d => (d.EntityId, d.Start, d.Length))
                .ToHashSet();
        }

        foreach (var found in recognizer.Recognize(article.Body))
        {
            if (dismissed.Contains((found.EntityId, found.Start, found.Length))
                || kept.Any(m => m.Start < found.Start + found.Length && found.Start < m.Start + m.Length))
            {
                continue;
            }

            db.Mentions.Add(new Mention
            {
                Article = article,
                EntityId = found.EntityId,
                Start = found.Start,
                Length = found.Length,
                Text = article.Body.Substring(found.Start, found.Length),
                Source = MentionSource.Gazetteer,
            });
        }
    }

    /// <summary>Re-scans one article, or every article, each in a transaction of its own.</summary>
    public async Task<int> RescanAsync(int? articleId = null, CancellationToken cancellationToken = default)
    {
        List<int> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Articles
                .Where(a => articleId == null || a.Id == articleId)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var article = await db.Articles.SingleAsync(a => a.Id == id, cancellationToken);
            await StageAsync(db, article, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ids.Count;
    }
}
