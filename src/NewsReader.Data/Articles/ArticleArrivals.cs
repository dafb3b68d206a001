namespace NewsReader.Data.Articles;

/// <summary>New articles as they arrive (a feed poll stored some), for pages that are open: the front page shows "N new
/// articles" without moving what the reader is looking at. In one process an event; several instances on one
/// PostgreSQL server pass it on with <c>NOTIFY</c>.</summary>
public sealed class ArticleArrivals
{
    /// <summary>Raised with how many articles arrived.</summary>
    public event Action<int>? Arrived;

    public void Publish(int count)
    {
        if (count > 0)
        {
            Arrived?.Invoke(count);
        }
    }
}
