using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Core.Importing;
using NewsReader.Core.Jobs;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Data.Search;
using NewsReader.Data.Telemetry;

namespace NewsReader.Data.Importing;

/// <summary>Something to import: a file's (or a feed's) name and bytes, with the metadata of its sidecar.
/// A feed is known by its extension (.xml, .rss, .atom) unless <see cref="IsFeed"/> says so (a feed URL).</summary>
public sealed record ImportSource(
    string Name, byte[] Content, ArticleMetadata? Sidecar = null, DateTimeOffset? LastModified = null, bool IsFeed = false, string? ContentType = null);

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

/// <summary>Something to import that is read only when its turn comes (a file, a URL): its name, and how to load it.</summary>
public sealed record PendingSource(string Name, Func<CancellationToken, Task<ImportSource>> LoadAsync);

/// <summary>Imports files and feeds. The browser's few files go one article at a time, each in its own transaction with
/// its mentions and its search entry (through <see cref="ArticleImporter"/>). The command line's many go in bulk
/// (<see cref="ImportAllAsync"/>). Either way a bad file or article is reported and skipped, and the rest goes on.</summary>
public sealed class ArticleBatchImporter(
    ArticleImporter importer, IDbContextFactory<NewsReaderDbContext> contexts, RecognizerCache recognizers, SearchMergeJob merges, TimeProvider clock)
{
    /// <summary>Articles written in one transaction by a bulk import: small enough that the writer starts soon and
    /// seldom waits for the parallel preparation of the next batch (docs/performance.md).</summary>
    public const int BulkBatch = 500;

    /// <summary>After a batch of at least <see cref="SearchIndex.BulkFill"/> articles, queues the merge of the search
    /// indexes' segments for the app's background (<see cref="SearchMergeJob"/>), and returns its job.</summary>
    public async Task<Job?> FinishAsync(ImportSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var written = summary.Imported + summary.Updated;
        return written >= SearchIndex.BulkFill ? await merges.EnqueueAsync(written, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<ImportResult>> ImportAsync(ImportSource source, CancellationToken cancellationToken = default)
    {
        var results = new List<ImportResult>();
        foreach (var item in Read(source))
        {
            results.Add(item.Draft is { } draft
                ? await StoreAsync(item.Name, draft, cancellationToken)
                : new ImportResult(item.Name, ImportStatus.Failed, Problem: item.Problem));
        }

        return results;
    }

    /// <summary>Imports many sources in bulk, with a result per article in the sources' order, as each batch is stored.
    /// Sources are loaded, read and prepared (recognition, hashes, search entries) in parallel, a batch ahead of the
    /// writer, which stores each batch of new articles in one transaction. An article whose source key is already stored
    /// is updated on its own (its annotations re-anchor). A batch that the store refuses is stored again one article at
    /// a time, so that the bad article fails alone and the others are stored.</summary>
    public async IAsyncEnumerable<ImportResult> ImportAllAsync(
        IEnumerable<PendingSource> sources, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var batches = Channel.CreateBounded<List<PreparedArticle>>(2);
        var producer = Task.Run(() => PrepareAsync(sources, batches.Writer, cancellationToken), cancellationToken);
        var indexing = Task.CompletedTask;
        await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
        {
            List<ImportResult> results;
            (results, indexing) = await StoreBatchAsync(batch, indexing, cancellationToken);
            foreach (var result in results)
            {
                yield return result;
            }
        }

        await indexing;
        await producer;
    }

    private async Task PrepareAsync(IEnumerable<PendingSource> sources, ChannelWriter<List<PreparedArticle>> output, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            foreach (var chunk in sources.Chunk(BulkBatch))
            {
                var read = new IReadOnlyList<ReadItem>[chunk.Length];
                await Parallel.ForAsync(0, chunk.Length, parallel, async (i, token) => read[i] = await LoadAndReadAsync(chunk[i], token));
                var items = read.SelectMany(r => r).ToList();
                EntityRecognizer recognizer;
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                {
                    recognizer = await recognizers.GetAsync(db, cancellationToken);
                }

                var prepared = new PreparedArticle[items.Count];
                Parallel.For(0, items.Count, parallel, i => prepared[i] = PreparedArticle.Of(items[i].Name, items[i].Draft, items[i].Problem, recognizer));
                await output.WriteAsync([.. prepared], cancellationToken);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    private async Task<IReadOnlyList<ReadItem>> LoadAndReadAsync(PendingSource pending, CancellationToken cancellationToken)
    {
        try
        {
            return Read(await pending.LoadAsync(cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException or InvalidDataException)
        {
            return [new ReadItem(pending.Name, null, $"{pending.Name}: {e.Message}")];
        }
    }

    /// <summary>Stores a prepared batch: refused articles fail, duplicates (of stored articles or of an earlier one in
    /// the batch) are skipped, known source keys are updated on their own, and the new articles are written together.
    /// Where the store writes search entries apart, the batch's are started once the previous batch's are written (one
    /// batch's at a time), and the task that writes them is returned with the results.</summary>
    private async Task<(List<ImportResult> Results, Task Indexing)> StoreBatchAsync(
        List<PreparedArticle> batch, Task indexing, CancellationToken cancellationToken)
    {
        var results = new ImportResult?[batch.Count];
        var valid = batch.Select((p, i) => (Prepared: p, Index: i)).Where(x => x.Prepared.Problem is null).ToList();
        foreach (var (prepared, index) in batch.Select((p, i) => (p, i)).Where(x => x.p.Problem is not null))
        {
            results[index] = new ImportResult(prepared.Name, ImportStatus.Failed, prepared.Draft?.Title, Problem: prepared.Problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = valid.Select(v => v.Prepared.Draft!.SourceKey).Distinct().ToList();
        var hashes = valid.Select(v => v.Prepared.NormalizedHash).Distinct().ToList();
        var storedKeys = await db.Articles.Where(a => keys.Contains(a.SourceKey)).Select(a => a.SourceKey).ToListAsync(cancellationToken);
        var storedHashes = (await db.Articles.Where(a => hashes.Contains(a.NormalizedHash)).Select(a => new { a.NormalizedHash, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.NormalizedHash).ToDictionary(g => g.Key, g => g.Min(a => a.Id), StringComparer.Ordinal);
        var known = storedKeys.ToHashSet(StringComparer.Ordinal);
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenHashes = new Dictionary<string, int>(StringComparer.Ordinal);
        var fresh = new List<(PreparedArticle Prepared, int Index)>();
        var singly = new List<(PreparedArticle Prepared, int Index)>();
        foreach (var (prepared, index) in valid)
        {
            var draft = prepared.Draft!;
            if (known.Contains(draft.SourceKey) || !seenKeys.Add(draft.SourceKey))
            {
                singly.Add((prepared, index));
            }
            else if (storedHashes.TryGetValue(prepared.NormalizedHash, out var existing))
            {
                results[index] = new ImportResult(prepared.Name, ImportStatus.Duplicate, draft.Title, existing);
            }
            else if (seenHashes.ContainsKey(prepared.NormalizedHash))
            {
                singly.Add((prepared, index));
            }
            else
            {
                seenHashes[prepared.NormalizedHash] = index;
                fresh.Add((prepared, index));
            }
        }

        var writer = db.Provider.BulkWriter;
        var articles = fresh.Select(f => f.Prepared).ToList();
        List<int>? ids = null;
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await writer.PrepareAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            ids = await writer.WriteAsync(db, articles, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            NewsReaderMetrics.Imported(ids.Count);
            foreach (var ((prepared, index), id) in fresh.Zip(ids))
            {
                results[index] = new ImportResult(prepared.Name, ImportStatus.Imported, prepared.Draft!.Title, id);
            }
        }
        catch (DbException)
        {
            ids = null;
            singly.AddRange(fresh);
        }

        if (ids is { Count: > 0 } && writer.Index is { } entries)
        {
            await indexing;
            indexing = Task.Run(() => IndexAsync(entries, articles, ids, cancellationToken), cancellationToken);
        }

        // Updates, duplicates within the batch (now stored) and a refused batch's articles: one transaction each, once no
        // entries are being written apart (an update rewrites its article's).
        if (singly.Count > 0)
        {
            await indexing;
        }

        foreach (var (prepared, index) in singly.OrderBy(s => s.Index))
        {
            results[index] = await StoreAsync(prepared.Name, prepared.Draft!, cancellationToken);
        }

        return ([.. results.Select(r => r!)], indexing);
    }

    private async Task IndexAsync(IBulkIndexWriter entries, List<PreparedArticle> articles, List<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await entries.WriteAsync(db, articles, ids, cancellationToken);
    }

    /// <summary>The articles of a file or a feed: each a draft, or the reason it cannot be one.</summary>
    private List<ReadItem> Read(ImportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var fallbackDate = source.LastModified ?? clock.GetUtcNow();
        try
        {
            if (source.IsFeed || Feeds.IsFeedFile(source.Name))
            {
                var address = Uri.TryCreate(source.Name, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
                return Feeds.Read(source.Name, source.Content, fallbackDate, source.ContentType, address).Select(i => new ReadItem(i.Name, i.Draft, i.Problem)).ToList();
            }

            var article = ArticleFiles.Read(source.Name, source.Content, source.Sidecar, $"file:{Path.GetFileName(source.Name)}", fallbackDate);
            return [new ReadItem(source.Name, article, null)];
        }
        catch (InvalidDataException e)
        {
            return [new ReadItem(source.Name, null, e.Message)];
        }
    }

    private sealed record ReadItem(string Name, ArticleDraft? Draft, string? Problem);

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
        catch (ArticleChangedException e)
        {
            return new ImportResult(name, ImportStatus.Failed, draft.Title, Problem: e.Message);
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
