using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsReader.Data.Configurations;

/// <summary>An entity's names (or descriptions) by language, stored as one small JSON object
/// (<c>{"ar":"حلب","en":"Aleppo"}</c>): read with the entity, never queried by language, so a table of its own would only add a join to every mention.</summary>
internal static class EntityNamesConversion
{
    public static ValueConverter<Dictionary<string, string>, string> Converter { get; } = new(
        names => JsonSerializer.Serialize(names, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>());

    public static ValueComparer<Dictionary<string, string>> Comparer { get; } = new(
        (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
        names => names.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
        names => new Dictionary<string, string>(names, StringComparer.Ordinal));
}
