using NewsReader.Data.Subscriptions;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Subscriptions;

/// <summary>Polls the feeds that are due: every few seconds, and at once when a feed is added or asked to refresh here.
/// A feed's own failure is its state, never the worker's.</summary>
internal sealed class FeedWorker(FeedPoller poller, FeedSignal signal, ILogger<FeedWorker> logger) : BackgroundLoop(signal, logger)
{
    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken) => await poller.PollDueAsync(cancellationToken) > 0;
}
