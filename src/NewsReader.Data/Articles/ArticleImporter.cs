using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Data.Entities;
using NewsReader.Data.Telemetry;

namespace NewsReader.Data.Articles;

/// <summary>What an import did, and to which article (for a duplicate: the article that already has the text).</summary>
public sealed record ImportedArticle(ImportOutcome Outcome, int ArticleId);

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>Another article already has this text (as normalized): nothing was stored.</summary>
    Duplicate,
}

/// <summary>Stores drafts: a new source key adds an article, a known one with a changed text or
/// metadata updates it in place (keeping its id), and an identical one changes nothing. A new key whose
/// text another article already has (as normalized) is a duplicate and is not stored. Mentions are
/// recomputed with every change.</summary>
public sealed class ArticleImporter(
    IDbContextFactory<NewsReaderDbContext> contexts, MentionScanner mentions, TimeProvider clock)
{
    public async Task<ImportedArticle> ImportAsync(ArticleDraft draft, CancellationToken cancellationToken = default)
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
        var normalizedHash = draft.NormalizedHash;
        if (article is null)
        {
            var duplicate = await db.Articles.Where(a => a.NormalizedHash == normalizedHash).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (duplicate is { } existing)
            {
                return new ImportedArticle(ImportOutcome.Duplicate, existing);
            }

            article = new Article
            {
                SourceKey = draft.SourceKey,
                Title = draft.Title,
                Body = draft.Body,
                Language = draft.Language,
                Source = draft.Source,
                ContentHash = draft.ContentHash,
                ImportedAt = now,
                FeedId = draft.FeedId,
            };
            db.Articles.Add(article);
        }

        if (draft.BasedOnVersion is { } basedOn && article.Id != 0 && article.Version != basedOn)
        {
            throw new ArticleChangedException(article.Version);
        }

        Apply(draft, normalizedHash, article);
        if (db.Entry(article).State == EntityState.Unchanged)
        {
            return new ImportedArticle(ImportOutcome.Unchanged, article.Id);
        }

        var outcome = db.Entry(article).State == EntityState.Added ? ImportOutcome.Created : ImportOutcome.Updated;
        var textChanged = outcome == ImportOutcome.Updated && db.Entry(article).Property(a => a.Body).IsModified;
        article.UpdatedAt = now;
        if (outcome == ImportOutcome.Updated)
        {
            article.Version++;
        }

        // The article, its mentions, its re-anchored annotations and its search entries (written by the save) are
        // saved in one transaction: never one without the others.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await mentions.StageAsync(db, article, cancellationToken);
        if (textChanged)
        {
            await AnnotationStore.StageReanchoringAsync(db, article, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another change was saved between this one's read and its write: it wins, and this one is refused.
            throw new ArticleChangedException(article.Version);
        }

        if (outcome == ImportOutcome.Created && article.FeedId is { } feedId)
        {
            await db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(set => set.SetProperty(f => f.ArticleCount, f => f.ArticleCount + 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (outcome == ImportOutcome.Created)
        {
            NewsReaderMetrics.Imported(1);
        }

        return new ImportedArticle(outcome, article.Id);
    }

    private static void Apply(ArticleDraft draft, string normalizedHash, Article article)
    {
        article.Title = draft.Title;
        article.Body = draft.Body;
        article.ContentHash = draft.ContentHash;
        article.NormalizedHash = normalizedHash;
        article.Language = draft.Language;
        article.Direction = draft.ResolvedDirection;
        article.Source = draft.Source;
        article.Dateline = draft.Dateline;
        // Instants are kept in UTC, so that every store orders them as instants, whatever offset the source wrote.
        article.PublishedAt = draft.PublishedAt.ToUniversalTime();
        article.DateKnown = draft.DateKnown;
    }
}

/// <summary>The stored article changed since the version an edit was made from; nothing was saved.</summary>
public sealed class ArticleChangedException(int storedVersion)
    : Exception($"The article was changed by someone else since it was opened (it is now version {storedVersion}); nothing was saved.")
{
    public int StoredVersion { get; } = storedVersion;
}

public sealed class InvalidArticleException(string sourceKey, IReadOnlyList<string> problems)
    : Exception($"Article '{sourceKey}' was not stored: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
