using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;

namespace NewsReader.Data.Search;

/// <summary>What a save changes in the search indexes, gathered before it and applied after it, in its transaction:
/// an article whose text is new or changed is indexed anew, and an article whose mentions change (a re-scan, a
/// dismissal, a reader's tag, a deleted entity) gets new terms. Every path that touches them saves through the
/// context, so none can leave the indexes behind.</summary>
internal sealed class IndexChanges
{
    private readonly List<Article> texts;
    private readonly List<Mention> mentions;
    private readonly List<int> mentioningDeleted;

    private IndexChanges(List<Article> texts, List<Mention> mentions, List<int> mentioningDeleted)
    {
        this.texts = texts;
        this.mentions = mentions;
        this.mentioningDeleted = mentioningDeleted;
    }

    public bool IsEmpty => texts.Count == 0 && mentions.Count == 0 && mentioningDeleted.Count == 0;

    public static async Task<IndexChanges> GatherAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var texts = db.ChangeTracker.Entries<Article>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(a => a.Title).IsModified || e.Property(a => a.Body).IsModified)))
            .Select(e => e.Entity)
            .ToList();
        var mentions = db.ChangeTracker.Entries<Mention>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity)
            .ToList();

        // A deleted entity's mentions go with it in the database, unseen by the change tracker.
        var deletedEntities = db.ChangeTracker.Entries<Entity>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        var mentioningDeleted = deletedEntities.Count == 0
            ? []
            : await db.Mentions.Where(m => deletedEntities.Contains(m.EntityId)).Select(m => m.ArticleId).Distinct().ToListAsync(cancellationToken);
        return new IndexChanges(texts, mentions, mentioningDeleted);
    }

    /// <summary>Re-indexes, once the save has given new articles and mentions their ids.</summary>
    public async Task ApplyAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        foreach (var article in texts)
        {
            await SearchIndex.IndexAsync(db, article, cancellationToken);
        }

        var indexed = texts.Select(a => a.Id).ToHashSet();
        var mentioning = mentions.Select(m => m.ArticleId).Concat(mentioningDeleted).Where(id => !indexed.Contains(id)).ToHashSet();
        if (mentioning.Count > 0)
        {
            await SearchIndex.IndexMentionsAsync(db, mentioning, cancellationToken);
        }
    }
}
