using System.Text;
using System.Text.Json.Nodes;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>W3C annotations as another tool would write them, and the request that posts one.</summary>
internal static class W3CAnnotations
{
    public const string MediaType = "application/ld+json";

    public static string SeedBody { get; } = File.ReadAllText(Path.Combine(RepositoryFiles.SeedsFolder, RepositoryFiles.SeedKey + ".txt"));

    /// <summary>An annotation of the first occurrence of <paramref name="passage"/> in <paramref name="body"/> (the seed's by default).</summary>
    public static JsonObject Of(
        string passage, string? comment = null, IEnumerable<string>? tags = null, IEnumerable<string>? entities = null,
        string style = "highlight-green", string? body = null)
    {
        var start = (body ?? SeedBody).IndexOf(passage, StringComparison.Ordinal);
        var bodies = new JsonArray();
        if (comment is not null)
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = comment, ["format"] = "text/markdown", ["purpose"] = "commenting" });
        }

        foreach (var tag in tags ?? [])
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag, ["purpose"] = "tagging" });
        }

        foreach (var entity in entities ?? [])
        {
            bodies.Add(new JsonObject { ["type"] = "SpecificResource", ["source"] = $"https://elsewhere.example/entities/{entity}", ["purpose"] = "identifying" });
        }

        return new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = bodies,
            ["target"] = new JsonObject
            {
                ["styleClass"] = style,
                ["selector"] = new JsonArray { new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = start + passage.Length } },
            },
        };
    }

    public static Task<HttpResponseMessage> PostAnnotationAsync(this HttpClient http, int articleId, string json) =>
        http.PostAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative), new StringContent(json, Encoding.UTF8, MediaType));
}
