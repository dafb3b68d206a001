using Microsoft.Extensions.Logging;
using NewsReader.Data.Telemetry;

namespace NewsReader.Data.Jobs;

/// <summary>Claims the next job and runs it with the handler of its kind. A job that throws is marked failed with the
/// reason; the worker goes on with the next.</summary>
public sealed class JobRunner(JobStore queue, IEnumerable<IJobHandler> handlers, ILogger<JobRunner> logger)
{
    /// <summary>This process's name as a lease owner.</summary>
    public string Owner { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 50)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs one job if there is one; false when there was none to take.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken = default)
    {
        var job = await queue.ClaimAsync(Owner, cancellationToken);
        if (job is null)
        {
            return false;
        }

        var handler = handlers.FirstOrDefault(h => h.Kind == job.Kind);
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"No worker knows jobs of kind '{job.Kind}'.");
            }

            logger.LogInformation("Job {Id} ({Kind}) started: {Description}", job.Id, job.Kind, job.Description);
            var held = true;
            await handler.RunAsync(job, async () => held = await queue.ReportAsync(job, cancellationToken), cancellationToken);
            if (held)
            {
                await queue.FinishAsync(job, cancellationToken: cancellationToken);
                NewsReaderMetrics.JobFinished(job.Kind, failed: false);
                logger.LogInformation("Job {Id} done: {Outcome}", job.Id, handler.Outcome(job));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {Id} ({Kind}) failed", job.Id, job.Kind);
            await queue.FinishAsync(job, e.Message, CancellationToken.None);
            NewsReaderMetrics.JobFinished(job.Kind, failed: true);
        }

        return true;
    }

    /// <summary>Runs jobs until none is left to take (for tests, and for the command line).</summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        while (await RunNextAsync(cancellationToken))
        {
        }
    }
}
