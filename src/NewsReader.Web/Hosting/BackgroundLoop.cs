using NewsReader.Data;

namespace NewsReader.Web.Hosting;

/// <summary>Background work that runs for as long as the app does: one step after another while there is work, then a
/// wait for this process's signal or a few seconds (which is how work queued by other instances is found). A failure to
/// reach the database is logged and tried again shortly: the loop outlives it.</summary>
internal abstract class BackgroundLoop(WakeSignal signal, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    /// <summary>One step; false when there was nothing to do.</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunOnceAsync(stoppingToken))
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
                logger.LogError(e, "{Worker} could not look for work; it tries again shortly", GetType().Name);
                await Task.Delay(Idle, stoppingToken);
            }
        }
    }
}
