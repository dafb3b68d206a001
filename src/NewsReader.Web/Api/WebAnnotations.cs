using System.Text.Json;
using System.Text.Json.Nodes;
using NewsReader.Core.Annotations;

namespace NewsReader.Web.Api;

/// <summary>Annotations as W3C Web Annotation JSON-LD: written out for other tools, and read back in.</summary>
internal static class WebAnnotations
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";
    public const string MediaType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    private const string StylePrefix = "highlight-";

    /// <summary>The reader page's highlight colours (app.css), for the stylesheet an exported annotation carries.</summary>
    private static readonly Dictionary<HighlightColor, string> StyleColors = new()
    {
        [HighlightColor.Yellow] = "rgba(255, 213, 79, 0.45)",
        [HighlightColor.Green] = "rgba(129, 199, 132, 0.45)",
        [HighlightColor.Blue] = "rgba(100, 181, 246, 0.4)",
        [HighlightColor.Pink] = "rgba(240, 98, 146, 0.35)",
        [HighlightColor.Purple] = "rgba(186, 104, 200, 0.38)",
    };

    public static JsonObject ToJson(Annotation annotation, Uri site, string? creator = null)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var bodies = new JsonArray();
        if (annotation.Comment is { } comment)
        {
            bodies.Add(new JsonObject
            {
                ["type"] = "TextualBody",
                ["value"] = comment,
                ["format"] = "text/markdown",
                ["purpose"] = "commenting",
            });
        }

        foreach (var tag in annotation.Tags)
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag, ["purpose"] = "tagging" });
        }

        foreach (var key in annotation.EntityKeys)
        {
            bodies.Add(new JsonObject
            {
                ["type"] = "SpecificResource",
                ["source"] = new Uri(site, $"entities/{Uri.EscapeDataString(key)}").ToString(),
                ["purpose"] = "identifying",
            });
        }

        var style = StylePrefix + annotation.Color.ToString().ToLowerInvariant();
        var json = new JsonObject
        {
            ["@context"] = Context,
            ["id"] = AnnotationProtocol.AnnotationIri(site, annotation).ToString(),
            ["type"] = "Annotation",
            ["motivation"] = annotation.Comment is null ? "highlighting" : "commenting",
            ["created"] = annotation.CreatedAt.ToString("O"),
            ["modified"] = annotation.UpdatedAt.ToString("O"),
        };
        if (annotation.Canonical is { } canonical)
        {
            json["canonical"] = canonical;
        }

        // A highlight has no body: the model leaves the key out rather than sending an empty list.
        if (bodies.Count > 0)
        {
            json["body"] = bodies;
        }

        json["target"] = new JsonObject
        {
            ["source"] = new Uri(site, $"articles/{annotation.ArticleId}").ToString(),
            ["styleClass"] = style,
            ["state"] = new JsonObject { ["type"] = "TimeState", ["sourceDate"] = annotation.UpdatedAt.ToString("O") },
            ["selector"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextPositionSelector", ["start"] = annotation.Start, ["end"] = annotation.End },
                new JsonObject
                {
                    ["type"] = "TextQuoteSelector",
                    ["exact"] = annotation.Exact,
                    ["prefix"] = annotation.Prefix,
                    ["suffix"] = annotation.Suffix,
                },
            },
        };

        // The model requires the stylesheet that defines a styleClass; each annotation carries the one rule it uses.
        json["stylesheet"] = new JsonObject
        {
            ["type"] = "CssStylesheet",
            ["value"] = $".{style} {{ background-color: {StyleColors[annotation.Color]}; }}",
        };
        if (creator is not null)
        {
            json["creator"] = new JsonObject { ["type"] = "Person", ["name"] = creator };
        }

        return json;
    }

    /// <summary>Reads one W3C annotation into a draft. The passage comes from its TextPositionSelector or,
    /// failing that, from its TextQuoteSelector found in <paramref name="body"/>.</summary>
    public static (AnnotationDraft? Draft, string? Problem) Read(JsonNode? json, string body)
    {
        if (json is not JsonObject annotation || annotation["type"]?.GetValueKind() != JsonValueKind.String
            || annotation["type"]!.GetValue<string>() != "Annotation")
        {
            return (null, "The request body must be a W3C annotation: a JSON object with \"type\": \"Annotation\".");
        }

        if (annotation["target"] is not JsonObject target || target["selector"] is not { } selectorNode)
        {
            return (null, "The annotation needs a target with a TextPositionSelector or a TextQuoteSelector.");
        }

        var selectors = selectorNode switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject one => [one],
            _ => [],
        };
        var position = ReadPosition(selectors.FirstOrDefault(s => Text(s, "type") == "TextPositionSelector"), out var positionProblem);
        if (positionProblem is not null)
        {
            return (null, positionProblem);
        }

        var quote = selectors.FirstOrDefault(s => Text(s, "type") == "TextQuoteSelector");
        if (position is null && quote is not null && Text(quote, "exact") is { Length: > 0 } exact)
        {
            var found = Anchoring.Find(body, default, new TextQuoteSelector(exact, Text(quote, "prefix") ?? "", Text(quote, "suffix") ?? ""));
            if (found.Kind == AnchorKind.Orphan)
            {
                return (null, "The quoted text is not in the article.");
            }

            position = found.Position;
        }

        if (position is null)
        {
            return (null, "The annotation needs a TextPositionSelector (start, end) or a TextQuoteSelector (exact).");
        }

        var bodies = annotation["body"] switch
        {
            JsonArray list => list.OfType<JsonObject>().ToList(),
            JsonObject one => [one],
            _ => [],
        };
        var comment = bodies.Where(b => Text(b, "purpose") is "commenting" or null && Text(b, "value") is not null)
            .Select(b => Text(b, "value")).FirstOrDefault();
        var tags = bodies.Where(b => Text(b, "purpose") == "tagging").Select(b => Text(b, "value") ?? "").ToList();
        var entities = bodies.Where(b => Text(b, "purpose") == "identifying").Select(b => EntityKey(Text(b, "source") ?? Text(b, "id") ?? "")).ToList();
        var style = Text(target, "styleClass");
        var color = HighlightColor.Yellow;
        if (style is not null && !Enum.TryParse(style.Replace(StylePrefix, "", StringComparison.Ordinal), ignoreCase: true, out color))
        {
            return (null, $"Unknown highlight style '{style}'.");
        }

        var canonical = annotation["canonical"] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => "",
        };
        return (new AnnotationDraft(position.Value, color, comment, tags, entities, canonical), null);
    }

    private static TextPositionSelector? ReadPosition(JsonObject? selector, out string? problem)
    {
        problem = null;
        if (selector is null)
        {
            return null;
        }

        if (selector["start"]?.GetValueKind() != JsonValueKind.Number || selector["end"]?.GetValueKind() != JsonValueKind.Number
            || !selector["start"]!.AsValue().TryGetValue<int>(out var start) || !selector["end"]!.AsValue().TryGetValue<int>(out var end))
        {
            problem = "A TextPositionSelector needs whole-number start and end.";
            return null;
        }

        return new TextPositionSelector(start, end);
    }

    /// <summary>The entity an identifying body names: the last segment of an <c>…/entities/{key}</c> link, or a bare key.</summary>
    private static string EntityKey(string source)
    {
        var marker = source.LastIndexOf("/entities/", StringComparison.Ordinal);
        return Uri.UnescapeDataString(marker >= 0 ? source[(marker + "/entities/".Length)..] : source);
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
