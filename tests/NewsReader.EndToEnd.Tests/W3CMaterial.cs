using System.Text.Json.Nodes;
using NJsonSchema;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The W3C's Web Annotation test material in W3C/ (see its README): the model's MUST assertions as JSON
/// Schemas, and the names of the protocol's server MUSTs.</summary>
internal static class W3CMaterial
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "W3C");

    public static IReadOnlyList<string> ProtocolMusts { get; } =
        [.. File.ReadAllLines(Path.Combine(Folder, "annotation-protocol", "server-musts.txt")).Where(line => line.Length > 0)];

    /// <summary>The assertions a <c>.test</c> file lists, each with its schema; <c>$ref</c>s resolve against
    /// <c>definitions/</c>, as the material's README says.</summary>
    public static async Task<IReadOnlyList<ModelAssertion>> AssertionsAsync(string testFile)
    {
        var model = Path.Combine(Folder, "annotation-model");
        var assertions = new List<ModelAssertion>();
        foreach (var path in JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(model, testFile)))!["assertions"]!.AsArray())
        {
            var file = path!.GetValue<string>();
            var schema = await JsonSchema.FromJsonAsync(
                await File.ReadAllTextAsync(Path.Combine(model, file)), Path.Combine(model, "definitions", Path.GetFileName(file)));
            assertions.Add(new ModelAssertion(file, schema));
        }

        return assertions;
    }

    /// <summary>The assertions <paramref name="json"/> fails, each with the W3C's own error message.</summary>
    public static IEnumerable<string> Failures(string what, JsonNode json, IEnumerable<ModelAssertion> assertions) =>
        assertions.Where(a => a.Schema.Validate(json.ToJsonString()).Count > 0)
            .Select(a => $"{what} fails {a.File}: {a.Schema.ExtensionData?["errorMessage"]}");
}

internal sealed record ModelAssertion(string File, JsonSchema Schema);
