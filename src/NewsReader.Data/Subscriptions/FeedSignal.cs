namespace NewsReader.Data.Subscriptions;

/// <summary>Wakes the feed poller when a feed is added or asked to refresh in this process.</summary>
public sealed class FeedSignal : WakeSignal;
