using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Importing;
using NewsReader.Data.Articles;
using NewsReader.Data.Search;

namespace NewsReader.Data.Importing;

/// <summary>Something to import: a file's (or a feed's) name and bytes, with the metadata of its sidecar.
/// A feed is known by its extension (.xml, .rss, .atom) unless <see cref="IsFeed"/> says so (a feed URL).</summary>
public sealed record ImportSource(string Name, byte[] Content, ArticleMetadata? Sidecar = null, DateTimeOffset? LastModified = null, bool IsFeed = false);

public enum ImportStatus
{
    Imported,
    Updated,

    /// <summary>The article is already there, with this text: nothing changed.</summary>
    Duplicate,
    Failed,
}

/// <summary>What became of one article of a batch: <see cref="ArticleId"/> is the stored (or already present)
/// article, <see cref="Problem"/> why it failed.</summary>
public sealed record ImportResult(string Name, ImportStatus Status, string? Title = null, int? ArticleId = null, string? Problem = null);

/// <summary>Imports files and feeds one article at a time, each in its own transaction with its mentions and its
/// search entry (through <see cref="ArticleImporter"/>): a bad file is reported and skipped, and the batch goes on.
/// Used by the command line and the browser alike.</summary>
public sealed class ArticleBatchImporter(ArticleImporter importer, IDbContextFactory<NewsReaderDbContext> contexts, TimeProvider clock)
{
    /// <summary>After a batch of at least <see cref="SearchIndex.BulkFill"/> articles, merges the search indexes'
    /// segments, as start-up does after filling them.</summary>
    public async Task FinishAsync(ImportSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Imported + summary.Updated >= SearchIndex.BulkFill)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await SearchIndex.MergeAsync(db, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<ImportResult>> ImportAsync(ImportSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var fallbackDate = source.LastModified ?? clock.GetUtcNow();
        try
        {
            if (source.IsFeed || Feeds.IsFeedFile(source.Name))
            {
                var results = new List<ImportResult>();
                foreach (var item in Feeds.Read(source.Name, source.Content, fallbackDate))
                {
                    results.Add(item.Draft is { } draft
                        ? await StoreAsync(item.Name, draft, cancellationToken)
                        : new ImportResult(item.Name, ImportStatus.Failed, Problem: item.Problem));
                }

                return results;
            }

            var article = ArticleFiles.Read(source.Name, source.Content, source.Sidecar, $"file:{Path.GetFileName(source.Name)}", fallbackDate);
            return [await StoreAsync(source.Name, article, cancellationToken)];
        }
        catch (InvalidDataException e)
        {
            return [new ImportResult(source.Name, ImportStatus.Failed, Problem: e.Message)];
        }
    }

    public async Task<ImportResult> StoreAsync(string name, Core.Articles.ArticleDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        try
        {
            var (outcome, id) = await importer.ImportAsync(draft, cancellationToken);
            var status = outcome switch
            {
                ImportOutcome.Created => ImportStatus.Imported,
                ImportOutcome.Updated => ImportStatus.Updated,
                _ => ImportStatus.Duplicate,
            };
            return new ImportResult(name, status, draft.Title, id);
        }
        catch (InvalidArticleException e)
        {
            return new ImportResult(name, ImportStatus.Failed, draft.Title, Problem: $"{name}: {string.Join(" ", e.Problems)}");
        }
    }
}

/// <summary>The counts a batch ends with.</summary>
public sealed record ImportSummary(int Imported, int Updated, int Duplicates, int Failed)
{
    public static ImportSummary Of(IEnumerable<ImportResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        return new(
            list.Count(r => r.Status == ImportStatus.Imported),
            list.Count(r => r.Status == ImportStatus.Updated),
            list.Count(r => r.Status == ImportStatus.Duplicate),
            list.Count(r => r.Status == ImportStatus.Failed));
    }

    public override string ToString() => $"{Imported} imported, {Updated} updated, {Duplicates} skipped as duplicates, {Failed} failed";
}
