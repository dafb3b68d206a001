using NewsReader.Core.Subscriptions;
using NewsReader.Data.Subscriptions;
using NewsReader.Web.Subscriptions;

namespace NewsReader.Web.Hosting;

internal static class FeedsHosting
{
    /// <summary>Feed subscriptions: <c>NewsReader:FeedIntervalMinutes</c> (15, at least 1), <c>NewsReader:AllowPrivateFeedHosts</c>
    /// (false), and the poller, which runs only in the web app.</summary>
    public static void AddNewsReaderFeeds(this WebApplicationBuilder builder, bool run)
    {
        var interval = Math.Clamp(builder.Configuration.GetValue("NewsReader:FeedIntervalMinutes", 15), FeedSchedule.MinInterval, FeedSchedule.MaxInterval);
        var allowPrivate = builder.Configuration.GetValue("NewsReader:AllowPrivateFeedHosts", false);
        builder.Services.Configure<FeedOptions>(options => (options.IntervalMinutes, options.AllowPrivateHosts) = (interval, allowPrivate));
        if (run)
        {
            builder.Services.AddHostedService<FeedWorker>();
        }
    }
}
