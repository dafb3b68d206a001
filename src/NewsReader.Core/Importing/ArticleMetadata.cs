using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsReader.Core.Text;

namespace NewsReader.Core.Importing;

/// <summary>What is known about an article besides its body: from a JSON sidecar (<c>NAME.json</c> beside
/// <c>NAME.txt</c>), front matter at the top of a text or Markdown file, an HTML page's head, or a feed item.
/// Every value is optional; <see cref="Over"/> fills the gaps of one source from another.</summary>
public sealed record ArticleMetadata(
    string? Title = null,
    string? Source = null,
    string? Dateline = null,
    string? Language = null,
    DateTimeOffset? PublishedAt = null,
    TextDirection? Direction = null,
    string? Link = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>These values, with <paramref name="fallback"/>'s wherever these have none.</summary>
    public ArticleMetadata Over(ArticleMetadata fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new(
            Pick(Title, fallback.Title),
            Pick(Source, fallback.Source),
            Pick(Dateline, fallback.Dateline),
            Pick(Language, fallback.Language),
            PublishedAt ?? fallback.PublishedAt,
            Direction ?? fallback.Direction,
            Pick(Link, fallback.Link));
    }

    /// <summary>Reads a JSON sidecar; throws <see cref="InvalidDataException"/> with the reason when it is malformed.</summary>
    public static ArticleMetadata FromJson(ReadOnlySpan<byte> json, string name)
    {
        ArticleMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<ArticleMetadata>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not valid metadata JSON ({e.Message}).", e);
        }

        if (metadata is null)
        {
            throw new InvalidDataException($"{name}: empty metadata.");
        }

        // A value given blank is a mistake to report, not a gap to fill from elsewhere.
        var blank = new[] { ("title", metadata.Title), ("source", metadata.Source), ("language", metadata.Language), ("dateline", metadata.Dateline), ("link", metadata.Link) }
            .FirstOrDefault(f => f.Item2 is not null && string.IsNullOrWhiteSpace(f.Item2));
        return blank.Item1 is { } field ? throw new InvalidDataException($"{name}: the {field} is blank.") : metadata;
    }

    /// <summary>Splits <c>---</c>-fenced front matter (<c>key: value</c> lines) from the top of a text. Without
    /// front matter the text comes back whole; with it, the body starts after the closing fence.</summary>
    public static (ArticleMetadata Metadata, string Body) SplitFrontMatter(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd('\r') != "---")
        {
            return (new ArticleMetadata(), text);
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var consumed = lines[0].Length + 1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            consumed += lines[i].Length + 1;
            if (line == "---")
            {
                return (FromValues(values, name), text[Math.Min(consumed, text.Length)..].TrimStart('\r', '\n'));
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"', '\'');
            }
            else if (line.Trim().Length > 0)
            {
                throw new InvalidDataException($"{name}: front matter line {i + 1} is not 'key: value'.");
            }
        }

        throw new InvalidDataException($"{name}: front matter is not closed with a '---' line.");
    }

    private static ArticleMetadata FromValues(Dictionary<string, string> values, string name)
    {
        DateTimeOffset? date = null;
        if (Value(values, "publishedAt", "date", "published") is { } text)
        {
            date = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new InvalidDataException($"{name}: the date '{text}' is not a date (use 2016-12-01 or 2016-12-01T09:30:00Z).");
        }

        TextDirection? direction = null;
        if (Value(values, "direction", "dir") is { } dir)
        {
            direction = Enum.TryParse<TextDirection>(dir, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidDataException($"{name}: the direction '{dir}' is neither rtl nor ltr.");
        }

        return new ArticleMetadata(
            Value(values, "title"),
            Value(values, "source", "site"),
            Value(values, "dateline"),
            Value(values, "language", "lang"),
            date,
            direction,
            Value(values, "link", "url"));
    }

    private static string? Value(Dictionary<string, string> values, params string[] keys) =>
        keys.Select(k => values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? Pick(string? value, string? fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
