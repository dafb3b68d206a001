using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Core.Jobs;

namespace NewsReader.Data.Jobs;

/// <summary>The jobs table: jobs are queued, claimed by one worker at a time under a lease, report their progress
/// (which renews the lease) and end done or failed. A lease is taken with a conditional update, so two workers (in
/// one process or in several app instances on one database) never both take a job; a job whose worker died is
/// taken over when its lease runs out, and goes on from its cursor.</summary>
public sealed class JobStore(IDbContextFactory<NewsReaderDbContext> contexts, TimeProvider clock, JobSignal signal, IOptions<JobOptions> options)
{
    private TimeSpan Lease => options.Value.Lease;

    public async Task<Job> EnqueueAsync(string kind, string description, string payload, string? entityKey = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = new Job
        {
            Kind = kind,
            Description = description.Length > 500 ? description[..499] + "…" : description,
            Payload = payload,
            EntityKey = entityKey,
            State = JobState.Queued,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Announce();
        return job;
    }

    /// <summary>Takes the oldest job that is queued, or running under a lease that ran out; null when there is none.</summary>
    public async Task<Job?> ClaimAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => j.State == JobState.Queued || (j.State == JobState.Running && j.LeaseUntil < now))
            .OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.LeaseOwner, j.LeaseUntil })
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            // Taken only if nobody took it since it was read.
            var taken = await db.Jobs
                .Where(j => j.Id == candidate.Id && j.LeaseOwner == candidate.LeaseOwner && j.LeaseUntil == candidate.LeaseUntil)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(j => j.State, JobState.Running)
                        .SetProperty(j => j.LeaseOwner, owner)
                        .SetProperty(j => j.LeaseUntil, now + Lease)
                        .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now),
                    cancellationToken);
            if (taken == 1)
            {
                return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == candidate.Id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Saves a step's progress and renews the lease; false when the lease was lost (another worker took the job
    /// over), and the caller must stop.</summary>
    public async Task<bool> ReportAsync(Job job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var until = clock.GetUtcNow() + Lease;
        var updated = await db.Jobs
            .Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner && j.State == JobState.Running)
            .ExecuteUpdateAsync(
                set => set.SetProperty(j => j.Total, job.Total)
                    .SetProperty(j => j.Done, job.Done)
                    .SetProperty(j => j.Changed, job.Changed)
                    .SetProperty(j => j.Cursor, job.Cursor)
                    .SetProperty(j => j.LeaseUntil, until),
                cancellationToken);
        job.LeaseUntil = until;
        return updated == 1;
    }

    /// <summary>Ends a job: done, or failed with the reason.</summary>
    public async Task FinishAsync(Job job, string? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reason = error is { Length: > 2000 } ? error[..2000] : error;
        await db.Jobs
            .Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner)
            .ExecuteUpdateAsync(
                set => set.SetProperty(j => j.State, reason is null ? JobState.Done : JobState.Failed)
                    .SetProperty(j => j.Total, job.Total)
                    .SetProperty(j => j.Done, job.Done)
                    .SetProperty(j => j.Changed, job.Changed)
                    .SetProperty(j => j.Cursor, job.Cursor)
                    .SetProperty(j => j.Error, reason)
                    .SetProperty(j => j.FinishedAt, clock.GetUtcNow())
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
    }

    /// <summary>A job of this kind that no worker has taken yet, if there is one.</summary>
    public async Task<Job?> WaitingAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().Where(j => j.Kind == kind && j.State == JobState.Queued).OrderBy(j => j.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest jobs, for the Jobs list; with <paramref name="entityKey"/>, those about that entity.</summary>
    public async Task<IReadOnlyList<Job>> RecentAsync(int limit = 50, string? entityKey = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.AsNoTracking();
        jobs = entityKey is null ? jobs : jobs.Where(j => j.EntityKey == entityKey);
        return await jobs.OrderByDescending(j => j.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Whether any job is waiting or running.</summary>
    public async Task<bool> AnyPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AnyAsync(j => j.State == JobState.Queued || j.State == JobState.Running, cancellationToken);
    }
}
