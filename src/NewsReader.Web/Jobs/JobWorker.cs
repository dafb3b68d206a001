using NewsReader.Data.Jobs;

namespace NewsReader.Web.Jobs;

/// <summary>Runs background jobs one after another for as long as the app runs: at once when this instance queues one,
/// and otherwise every few seconds, which is also how it takes over the jobs of an instance that died.</summary>
internal sealed class JobWorker(JobRunner runner, JobSignal signal, ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await runner.RunNextAsync(stoppingToken))
                {
                    await signal.WaitAsync(Idle, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly out of reach; the worker must outlive that.
                logger.LogError(e, "The job worker could not look for work; it tries again shortly");
                await Task.Delay(Idle, stoppingToken);
            }
        }
    }
}
