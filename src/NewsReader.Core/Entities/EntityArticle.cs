namespace NewsReader.Core.Entities;

/// <summary>That an article mentions an entity, with the article's date and how many times: derived from the
/// mentions whenever they change, so that an entity's articles can be read newest first, a page at a time, straight
/// from an index, however many there are.</summary>
public sealed class EntityArticle
{
    public int EntityId { get; set; }

    public int ArticleId { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public int Mentions { get; set; }
}
