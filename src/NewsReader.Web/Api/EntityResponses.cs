using NewsReader.Data.Entities;
using NewsReader.Web.Components.Entities;

namespace NewsReader.Web.Api;

public sealed record EntityReference(string Id, string Name, string Type);

public sealed record MentionResponse(int Start, int Length, string Text, EntityReference Entity)
{
    public static MentionResponse From(ArticleMention m) =>
        new(m.Start, m.Length, m.Text, new EntityReference(m.Entity.Key, m.Entity.Name, m.Entity.Type.Id()));
}

public sealed record EntityResponse(
    string Id,
    string Name,
    string Type,
    string? Description,
    IReadOnlyDictionary<string, string> Descriptions,
    IReadOnlyList<string> Spellings,
    double? Latitude,
    double? Longitude,
    string? Wikidata,
    int MentionCount,
    int ArticleCount)
{
    public static EntityResponse From(EntityDetails e) =>
        new(e.Key, e.Name, e.Type.Id(), e.Description, e.Descriptions, e.Spellings, e.Latitude, e.Longitude, e.WikidataId, e.MentionCount, e.ArticleCount);
}
