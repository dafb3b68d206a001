using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Jobs;
using NewsReader.Core.Search;
using NewsReader.Data.Jobs;
using NewsReader.Data.Search;

namespace NewsReader.Data.Entities;

/// <summary>What a re-scan looks for: spellings added or taken away, and entities deleted (whose terms must leave the
/// index).</summary>
public sealed record RescanRequest(IReadOnlyList<string> Spellings, IReadOnlyList<int>? DeletedEntityIds = null);

/// <summary>Re-scans, after a change to the gazetteer, the articles that can contain a changed spelling, and only
/// those: the terms index knows which articles hold a word's forms (<see cref="SpellingTerms"/>), so a new spelling of
/// Aleppo reads the articles that hold حلب in some form, not the corpus. It goes through them in id order, a batch
/// per transaction, and saves its cursor after each batch, so a job interrupted by a restart resumes after the last
/// batch it saved.</summary>
public sealed class RescanJob(IDbContextFactory<NewsReaderDbContext> contexts, MentionScanner scanner, JobStore queue) : IJobHandler
{
    public const string JobKind = "rescan";

    private const int BatchSize = 100;

    public string Kind => JobKind;

    public string Outcome(Job job) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{job.Done} of {job.Total}, {job.Changed} changed");

    /// <summary>Queues a re-scan; the caller returns at once, and the Jobs list and the entity's page show its progress.</summary>
    public Task<Job> EnqueueAsync(RescanRequest request, string description, string? entityKey, CancellationToken cancellationToken = default) =>
        queue.EnqueueAsync(JobKind, description, JsonSerializer.Serialize(request), entityKey, cancellationToken);

    public async Task RunAsync(Job job, Func<Task<bool>> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(report);
        var request = JsonSerializer.Deserialize<RescanRequest>(job.Payload) ?? new RescanRequest([]);
        var deleted = request.DeletedEntityIds ?? [];
        TermQuery? match;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            match = await CandidatesAsync(db, request, cancellationToken);
            if (match is null)
            {
                return;
            }

            if (job.Done == 0)
            {
                job.Total = await db.Provider.Search.CountAsync(db, match, int.MaxValue, cancellationToken);
                if (!await report())
                {
                    return;
                }
            }
        }

        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var ids = await db.Provider.Search.AfterAsync(db, match, job.Cursor, BatchSize, cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // All of the batch at once, before any of it is saved (the unchanged are re-indexed below).
                await db.Provider.Search.SettleAsync(db, ids, cancellationToken);
                var articles = await db.Articles.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
                var unchanged = new List<int>();
                foreach (var article in articles)
                {
                    if (await scanner.StageAsync(db, article, cancellationToken))
                    {
                        job.Changed++;
                    }
                    else
                    {
                        unchanged.Add(article.Id);
                    }
                }

                await db.SaveChangesAsync(cancellationToken);

                // A deleted entity's mentions left with it; its term stays in the articles that named it until they
                // are re-indexed, changed or not.
                if (deleted.Count > 0 && unchanged.Count > 0)
                {
                    await SearchIndex.IndexMentionsAsync(db, unchanged, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            // Articles imported since the count may hold the spelling too: the total grows rather than be overtaken.
            (job.Done, job.Cursor) = (job.Done + ids.Count, ids[^1]);
            job.Total = Math.Max(job.Total, job.Done);
            if (!await report())
            {
                return;
            }
        }
    }

    /// <summary>The terms index query for the articles that can hold a spelling: for each spelling, the forms of its
    /// rarest word; and each deleted entity's own term. Null when there is nothing to look for.</summary>
    private static async Task<TermQuery?> CandidatesAsync(NewsReaderDbContext db, RescanRequest request, CancellationToken cancellationToken)
    {
        var alternatives = new List<string>();
        foreach (var spelling in request.Spellings.Distinct(StringComparer.Ordinal))
        {
            IReadOnlySet<string>? rarest = null;
            var fewest = int.MaxValue;
            foreach (var word in SpellingTerms.Of(spelling))
            {
                var count = await db.Provider.Search.CountAsync(db, TermQuery.Any(word), int.MaxValue, cancellationToken);
                if (count < fewest)
                {
                    (rarest, fewest) = (word, count);
                }
            }

            if (rarest is not null && fewest > 0)
            {
                alternatives.AddRange(rarest);
            }
        }

        alternatives.AddRange((request.DeletedEntityIds ?? []).Select(IndexTerms.Entity));
        return alternatives.Count == 0 ? null : TermQuery.Any(alternatives);
    }
}
