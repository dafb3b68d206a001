using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Entities;

namespace NewsReader.Data.Search;

/// <summary>What a save changes in the derived indexes, gathered before it and applied after it, in its transaction:
/// an article whose text is new or changed is indexed anew, an article whose mentions change (a re-scan, a
/// dismissal, a reader's tag) gets new terms, and either, or a new date, rebuilds the article's rows
/// of <c>EntityArticles</c>. Every path that touches them saves through the context, so none can leave the indexes
/// behind.</summary>
internal sealed class IndexChanges
{
    private readonly List<Article> texts;
    private readonly List<Mention> mentions;
    private readonly List<Article> dated;
    private readonly HashSet<int> stored;

    private IndexChanges(List<Article> texts, List<Mention> mentions, List<Article> dated, HashSet<int> stored)
    {
        this.texts = texts;
        this.mentions = mentions;
        this.dated = dated;
        this.stored = stored;
    }

    public bool IsEmpty => texts.Count == 0 && mentions.Count == 0 && dated.Count == 0;

    public static IndexChanges Gather(NewsReaderDbContext db)
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

        var dated = db.ChangeTracker.Entries<Article>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.PublishedAt).IsModified)
            .Select(e => e.Entity)
            .ToList();

        // The articles to re-index that were stored before this save (a new article's id is not known yet).
        var added = db.ChangeTracker.Entries<Article>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        var stored = texts.Select(a => a.Id).Concat(mentions.Select(m => m.ArticleId)).Where(id => !added.Contains(id)).ToHashSet();
        return new IndexChanges(texts, mentions, dated, stored);
    }

    /// <summary>Before the save, in its transaction: see <see cref="ISearchIndex.SettleAsync"/>.</summary>
    public Task SettleAsync(NewsReaderDbContext db, CancellationToken cancellationToken) =>
        db.Provider.Search.SettleAsync(db, stored, cancellationToken);

    /// <summary>Re-indexes, once the save has given new articles and mentions their ids.</summary>
    public async Task ApplyAsync(NewsReaderDbContext db, CancellationToken cancellationToken)
    {
        foreach (var article in texts)
        {
            await SearchIndex.IndexAsync(db, article, cancellationToken);
        }

        var indexed = texts.Select(a => a.Id).ToHashSet();
        var mentioning = mentions.Select(m => m.ArticleId).Where(id => !indexed.Contains(id)).ToHashSet();
        if (mentioning.Count > 0)
        {
            await SearchIndex.IndexMentionsAsync(db, mentioning, cancellationToken);
        }

        await EntityArticleIndex.RebuildAsync(
            db, indexed.Concat(mentions.Select(m => m.ArticleId)).Concat(dated.Select(a => a.Id)), cancellationToken);
    }
}
