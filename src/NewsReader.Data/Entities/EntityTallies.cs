using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>What a batch of new articles adds to each entity's counts and to its days (<see cref="EntityDay"/>), summed in
/// memory so that a bulk write updates each entity and each day once.</summary>
internal sealed class EntityTallies
{
    public Dictionary<int, (int Articles, int Mentions)> Entities { get; } = [];

    public Dictionary<(int EntityId, int Day), (int Articles, int Mentions)> Days { get; } = [];

    /// <summary>One article, published at <paramref name="publishedAt"/>, mentions an entity <paramref name="mentions"/> times.</summary>
    public void Add(int entityId, DateTimeOffset publishedAt, int mentions)
    {
        var (articles, total) = Entities.GetValueOrDefault(entityId);
        Entities[entityId] = (articles + 1, total + mentions);
        var key = (entityId, EntityDay.Of(publishedAt));
        var (dayArticles, dayMentions) = Days.GetValueOrDefault(key);
        Days[key] = (dayArticles + 1, dayMentions + mentions);
    }
}
