using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Jobs;
using NewsReader.Data.Jobs;

namespace NewsReader.Data.Search;

/// <summary>Merges the search indexes after a bulk import, in the app's background rather than in the import: the merge
/// rewrites the whole index, so at a million articles it would cost an import of a few thousand more than the import
/// itself (docs/performance.md). Until it has run, a search looks its terms up in a few more pieces of the index, and
/// finds the same articles. One merge waiting is enough for any number of imports.</summary>
public sealed class SearchMergeJob(IDbContextFactory<NewsReaderDbContext> contexts, JobStore queue) : IJobHandler
{
    public const string JobKind = "merge";

    public string Kind => JobKind;

    /// <summary>A merge cannot know its length beforehand: it counts its steps.</summary>
    public string Outcome(Job job) => string.Create(CultureInfo.InvariantCulture, $"merged in {job.Done} steps");

    /// <summary>Queues a merge after an import of <paramref name="articles"/> articles, unless one is waiting already;
    /// returns the job that will do it.</summary>
    public async Task<Job> EnqueueAsync(int articles, CancellationToken cancellationToken = default) =>
        await queue.WaitingAsync(JobKind, cancellationToken)
        ?? await queue.EnqueueAsync(
            JobKind, string.Create(CultureInfo.InvariantCulture, $"Search index merge after an import of {articles:N0} articles"), "{}", cancellationToken: cancellationToken);

    /// <summary>A merge started again after a restart begins anew: a step merges whatever pieces the index is in.</summary>
    public async Task RunAsync(Job job, Func<Task<bool>> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(report);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var steps in db.Provider.Search.MergeAsync(db, cancellationToken))
        {
            job.Done = steps;
            if (!await report())
            {
                return;
            }
        }
    }
}
