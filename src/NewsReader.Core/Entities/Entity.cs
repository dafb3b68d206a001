namespace NewsReader.Core.Entities;

/// <summary>A person, place or organization that articles mention.</summary>
public sealed class Entity
{
    public int Id { get; set; }

    /// <summary>The gazetteer's stable id, such as <c>aleppo</c>; the id the API and URLs use.</summary>
    public required string Key { get; set; }

    /// <summary>The English name.</summary>
    public required string Name { get; set; }

    /// <summary>The name in each language that has its own, by language (<c>ar</c> → حلب); where a language has none, the
    /// interface shows <see cref="Name"/>.</summary>
    public Dictionary<string, string> Names { get; set; } = [];

    /// <summary>The name as search compares it (case-folded).</summary>
    public string NormalizedName { get; set; } = "";

    public EntityType Type { get; set; }

    /// <summary>The description in English.</summary>
    public string? Description { get; set; }

    /// <summary>The description in each other language that has its own, by language; where a language has none, the
    /// interface shows <see cref="Description"/>.</summary>
    public Dictionary<string, string> Descriptions { get; set; } = [];

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? WikidataId { get; set; }

    /// <summary>When an Editor last changed the name, type or description in the app; from then on the
    /// gazetteer file no longer overwrites them.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    public List<EntityAlias> Aliases { get; set; } = [];

    /// <summary>How many articles mention the entity, and how many times in all: kept with each change to the mentions,
    /// so that lists and suggestions never count them.</summary>
    public int ArticleCount { get; set; }

    public int MentionCount { get; set; }
}

public enum AliasOrigin
{
    Gazetteer,
    Reader,
}

/// <summary>One spelling of an entity. <see cref="NormalizedText"/> is what matching and search compare.</summary>
public sealed class EntityAlias
{
    public int Id { get; set; }

    public int EntityId { get; set; }

    public required string Text { get; set; }

    public required string NormalizedText { get; set; }

    /// <summary>Counts only after a longer alias of the entity has appeared in the same article.</summary>
    public bool IsShort { get; set; }

    public AliasOrigin Origin { get; set; }
}

public enum MentionSource
{
    Gazetteer,
    Reader,
}

/// <summary>A stretch of an article that names an entity, in UTF-16 offsets of the stored body.</summary>
public sealed class Mention
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Articles.Article? Article { get; set; }

    public int EntityId { get; set; }

    public Entity? Entity { get; set; }

    public int Start { get; set; }

    public int Length { get; set; }

    /// <summary>The text at the offsets when the mention was found, to tell if the body moved under it.</summary>
    public required string Text { get; set; }

    public MentionSource Source { get; set; }
}

/// <summary>A reader's word that a recognized mention is wrong; re-scans leave that place alone.</summary>
public sealed class MentionDismissal
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public int EntityId { get; set; }

    public int Start { get; set; }

    public int Length { get; set; }
}

/// <summary>An entity (no spelling) or one of its spellings that an Editor removed: importing the gazetteer file
/// again leaves it out, so the removal lasts.</summary>
public sealed class GazetteerRemoval
{
    public int Id { get; set; }

    public required string EntityKey { get; set; }

    /// <summary>The removed spelling, as the gazetteer writes it; null when the whole entity was deleted.</summary>
    public string? Spelling { get; set; }
}
