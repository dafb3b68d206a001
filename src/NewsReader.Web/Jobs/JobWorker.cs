using NewsReader.Data.Jobs;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Jobs;

/// <summary>Runs background jobs one after another: at once when this instance queues one, and otherwise every few
/// seconds, which is also how it takes over the jobs of an instance that died.</summary>
internal sealed class JobWorker(JobRunner runner, JobSignal signal, ILogger<JobWorker> logger) : BackgroundLoop(signal, logger)
{
    protected override Task<bool> RunOnceAsync(CancellationToken cancellationToken) => runner.RunNextAsync(cancellationToken);
}
