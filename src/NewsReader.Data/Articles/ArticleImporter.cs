using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Data.Entities;
using NewsReader.Data.Search;

namespace NewsReader.Data.Articles;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>Stores drafts: a new source key adds an article, a known one with a changed text or
/// metadata updates it in place (keeping its id), and an identical one changes nothing. Mentions are
/// recomputed with every change.</summary>
public sealed class ArticleImporter(
    IDbContextFactory<NewsReaderDbContext> contexts, MentionScanner mentions, TimeProvider clock)
{
    public async Task<ImportOutcome> ImportAsync(ArticleDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = draft.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidArticleException(draft.SourceKey, problems);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var article = await db.Articles.SingleOrDefaultAsync(a => a.SourceKey == draft.SourceKey, cancellationToken);
        if (article is null)
        {
            article = new Article
            {
                SourceKey = draft.SourceKey,
                Title = draft.Title,
                Body = draft.Body,
                Language = draft.Language,
                Source = draft.Source,
                ContentHash = draft.ContentHash,
                ImportedAt = now,
            };
            db.Articles.Add(article);
        }

        Apply(draft, article);
        if (db.Entry(article).State == EntityState.Unchanged)
        {
            return ImportOutcome.Unchanged;
        }

        var outcome = db.Entry(article).State == EntityState.Added ? ImportOutcome.Created : ImportOutcome.Updated;
        var textChanged = outcome == ImportOutcome.Updated && db.Entry(article).Property(a => a.Body).IsModified;
        article.UpdatedAt = now;

        // The article, its mentions, its re-anchored annotations and its search entry are saved in one
        // transaction: never one without the others.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await mentions.StageAsync(db, article, cancellationToken);
        if (textChanged)
        {
            await AnnotationStore.StageReanchoringAsync(db, article, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SearchIndex.IndexAsync(db, article, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static void Apply(ArticleDraft draft, Article article)
    {
        article.Title = draft.Title;
        article.Body = draft.Body;
        article.ContentHash = draft.ContentHash;
        article.Language = draft.Language;
        article.Direction = draft.ResolvedDirection;
        article.Source = draft.Source;
        article.Dateline = draft.Dateline;
        article.PublishedAt = draft.PublishedAt;
    }
}

public sealed class InvalidArticleException(string sourceKey, IReadOnlyList<string> problems)
    : Exception($"Article '{sourceKey}' was not stored: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
