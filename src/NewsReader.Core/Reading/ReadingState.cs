namespace NewsReader.Core.Reading;

/// <summary>That a reader opened an article (or marked it read): an article without one is unread for them.</summary>
public sealed class ArticleRead
{
    public required string ReaderId { get; set; }

    public int ArticleId { get; set; }

    public DateTimeOffset ReadAt { get; set; }
}

/// <summary>An article a reader saved for later.</summary>
public sealed class SavedArticle
{
    public required string ReaderId { get; set; }

    public int ArticleId { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}
