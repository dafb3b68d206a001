using System.Globalization;
using NewsReader.Data.Providers;

namespace NewsReader.Data.Articles;

/// <summary>New articles as they arrive (a feed poll stored some), for pages that are open: the front page shows "N new
/// articles" without moving what the reader is looking at. Articles stored by another instance on the same database
/// arrive through <see cref="DatabaseNotifications"/> (PostgreSQL's <c>NOTIFY</c>).</summary>
public sealed class ArticleArrivals : IDisposable
{
    private const string Channel = "newsreader_arrivals";

    private readonly DatabaseNotifications notifications;

    public ArticleArrivals(DatabaseNotifications notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        this.notifications = notifications;
        notifications.Received += OnReceived;
    }

    /// <summary>Raised with how many articles arrived.</summary>
    public event Action<int>? Arrived;

    public void Publish(int count)
    {
        if (count > 0)
        {
            Arrived?.Invoke(count);
            notifications.Send(Channel, count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void OnReceived(string channel, string payload)
    {
        if (channel == Channel && int.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            Arrived?.Invoke(count);
        }
    }

    public void Dispose() => notifications.Received -= OnReceived;
}
