using System.Net;

namespace NewsReader.Data.Subscriptions;

/// <summary>How feeds are followed: <c>NewsReader:FeedIntervalMinutes</c> and <c>NewsReader:AllowPrivateFeedHosts</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>How often a new subscription is checked when no interval is given.</summary>
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>Whether feeds may come from loopback and private addresses (tests serve feeds on loopback).</summary>
    public bool AllowPrivateHosts { get; set; }

    /// <summary>The client feeds are fetched with: it connects only to permitted hosts, follows no redirect on its own
    /// (the fetcher does, checking each), decompresses, and renews its connections so that DNS changes reach it.</summary>
    public HttpClient CreateClient()
    {
        var allowPrivate = AllowPrivateHosts;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = (context, token) => FeedHosts.ConnectAsync(context.DnsEndPoint, allowPrivate, token),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("NewsReader/1.0 (feed reader; +https://github.com/newsreader)");
        return client;
    }
}
