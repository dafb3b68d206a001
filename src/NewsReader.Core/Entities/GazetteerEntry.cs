using System.Text.Json;
using System.Text.Json.Serialization;
using NewsReader.Core.Text;

namespace NewsReader.Core.Entities;

/// <summary>One entity of the gazetteer file (<c>seeds/entities.json</c>); the format is in docs/arabic-text.md.</summary>
public sealed record GazetteerEntry(
    string Id,
    string Name,
    EntityType Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string>? ShortAliases = null,
    string? Description = null,
    Coordinates? Coordinates = null,
    string? Wikidata = null,
    IReadOnlyDictionary<string, string>? Names = null,
    IReadOnlyDictionary<string, string>? Descriptions = null)
{
    /// <summary>The entity's names in languages other than English (whose name is <see cref="Name"/>): as the file gives
    /// them, and Arabic, where the file gives none, from the first alias in Arabic letters (the gazetteer lists the full,
    /// usual spelling first).</summary>
    public Dictionary<string, string> NamesByLanguage()
    {
        var names = new Dictionary<string, string>(Names ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (!names.ContainsKey("ar") && Aliases?.FirstOrDefault(alias => Languages.Guess(alias) == "ar") is { } arabic)
        {
            names["ar"] = arabic;
        }

        return names;
    }
}

public sealed record Coordinates(double Lat, double Lon);

public static class Gazetteer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private sealed record Document(IReadOnlyList<GazetteerEntry>? Entities);

    /// <summary>Reads a gazetteer file; throws <see cref="InvalidDataException"/> saying what is wrong with it.</summary>
    public static async Task<IReadOnlyList<GazetteerEntry>> ReadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        Document? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<Document>(json, Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The gazetteer is not valid JSON: {e.Message}", e);
        }

        var entries = document?.Entities ?? throw new InvalidDataException("The gazetteer has no \"entities\" list.");
        var problems = entries.SelectMany((entry, index) => Problems(entry, index)).ToList();
        var duplicates = entries.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            problems.Add($"Duplicate ids: {string.Join(", ", duplicates)}.");
        }

        return problems.Count == 0 ? entries : throw new InvalidDataException(string.Join(" ", problems));
    }

    private static IEnumerable<string> Problems(GazetteerEntry entry, int index)
    {
        if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Name))
        {
            yield return $"Entity {index} needs an id and a name.";
        }

        if (entry.Aliases is null || entry.Aliases.Count == 0 || entry.Aliases.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"Entity '{entry.Id}' needs at least one alias, and no blank ones.";
        }
    }
}
