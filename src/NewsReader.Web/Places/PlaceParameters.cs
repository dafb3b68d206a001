using Microsoft.AspNetCore.WebUtilities;

namespace NewsReader.Web.Places;

/// <summary>The map's filters, as <c>GET /api/places</c> and the map page's address write them.</summary>
public sealed record PlaceParameters(string? From = null, string? To = null, string? Entity = null)
{
    /// <summary>The days and the entity's key, or the problem in words.</summary>
    public (DateOnly? From, DateOnly? To, string? EntityKey, string? Problem) Read()
    {
        var (from, to, problem) = Days.ReadRange(From, To);
        var entity = string.IsNullOrWhiteSpace(Entity) ? null : Entity.Trim();
        return entity is { Length: > 100 } ? (null, null, null, "The entity's id is longer than any entity's.") : (from, to, entity, problem);
    }

    /// <summary>The map page's address with these filters.</summary>
    public string ToAddress() => QueryHelpers.AddQueryString("map", new Dictionary<string, string?>
    {
        ["from"] = string.IsNullOrWhiteSpace(From) ? null : From,
        ["to"] = string.IsNullOrWhiteSpace(To) ? null : To,
        ["entity"] = string.IsNullOrWhiteSpace(Entity) ? null : Entity,
    }.Where(p => p.Value is not null)!);
}
