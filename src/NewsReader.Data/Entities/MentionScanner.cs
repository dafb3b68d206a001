using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>Recomputes the gazetteer's mentions of an article. A reader's own mentions and dismissals
/// survive every re-scan: a recognized mention that overlaps a reader's, or that was dismissed, is left out.</summary>
public sealed class MentionScanner(IDbContextFactory<NewsReaderDbContext> contexts, RecognizerCache recognizers)
{
    /// <summary>Re-scans one article in a transaction of its own; false when there is no such article.</summary>
    public async Task<bool> RescanAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return false;
        }

        await StageAsync(db, article, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Stages the changes to the mentions of <paramref name="article"/> in <paramref name="db"/>, to be saved
    /// in the same transaction as the article itself: mentions the gazetteer no longer finds are removed, new ones
    /// added, and the ones that stand are left alone (so an unchanged article costs its index nothing). Returns
    /// whether anything changed.</summary>
    public async Task<bool> StageAsync(NewsReaderDbContext db, Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        var recognizer = await recognizers.GetAsync(db, cancellationToken);
        List<Mention> existing = [];
        var dismissed = new HashSet<(int, int, int)>();
        if (article.Id != 0)
        {
            existing = await db.Mentions.Where(m => m.ArticleId == article.Id).ToListAsync(cancellationToken);
            dismissed = (await db.MentionDismissals
                    .Where(d => d.ArticleId == article.Id)
                    .Select(d => new { d.EntityId, d.Start, d.Length })
                    .ToListAsync(cancellationToken))
                .Select(d => (d.EntityId, d.Start, d.Length))
                .ToHashSet();
        }

        var readers = existing.Where(m => m.Source == MentionSource.Reader).ToList();
        var standing = existing.Where(m => m.Source == MentionSource.Gazetteer)
            .ToLookup(m => (m.EntityId, m.Start, m.Length, m.Text));
        var found = new HashSet<(int, int, int, string)>();
        var changed = false;
        foreach (var mention in recognizer.Recognize(article.Body))
        {
            if (dismissed.Contains((mention.EntityId, mention.Start, mention.Length))
                || readers.Any(m => m.Start < mention.Start + mention.Length && mention.Start < m.Start + m.Length))
            {
                continue;
            }

            var key = (mention.EntityId, mention.Start, mention.Length, article.Body.Substring(mention.Start, mention.Length));
            if (!found.Add(key) || standing.Contains(key))
            {
                continue;
            }

            changed = true;
            db.Mentions.Add(new Mention
            {
                Article = article,
                EntityId = mention.EntityId,
                Start = mention.Start,
                Length = mention.Length,
                Text = key.Item4,
                Source = MentionSource.Gazetteer,
            });
        }

        foreach (var stale in standing.Where(g => !found.Contains(g.Key)).SelectMany(g => g))
        {
            changed = true;
            db.Mentions.Remove(stale);
        }

        return changed;
    }
}
