using NewsReader.Core.Entities;

namespace NewsReader.Data.Entities;

/// <summary>An entity as a mention or a list shows it; <c>Names</c> has its name in each language that has its own.
/// Two are the same entity when key, name and type are (the names come with the key).</summary>
public sealed record EntitySummary(string Key, string Name, EntityType Type, IReadOnlyDictionary<string, string> Names)
{
    public bool Equals(EntitySummary? other) => other is not null && Key == other.Key && Name == other.Name && Type == other.Type;

    public override int GetHashCode() => HashCode.Combine(Key, Name, Type);
}

/// <summary>A mention as the reader draws it: where, what text, which entity.</summary>
public sealed record ArticleMention(int Start, int Length, string Text, EntitySummary Entity);

/// <summary>An entity with what a card or a search suggestion shows about it.</summary>
public sealed record EntityDetails(
    string Key,
    string Name,
    EntityType Type,
    IReadOnlyDictionary<string, string> Names,
    string? Description,
    IReadOnlyDictionary<string, string> Descriptions,
    IReadOnlyList<string> Spellings,
    double? Latitude,
    double? Longitude,
    string? WikidataId,
    int MentionCount,
    int ArticleCount);

/// <summary>One mention of an entity somewhere in the collection, with its sentence for context.</summary>
public sealed record MentionInContext(
    int ArticleId, string ArticleTitle, string Language, int Start, int Length, string Sentence, int OffsetInSentence);
