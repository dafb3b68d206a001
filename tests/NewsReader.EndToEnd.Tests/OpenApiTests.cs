using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The OpenAPI document describes every route of the JSON API, each named and summarized.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class OpenApiTests(NewsReaderApp app)
{
    [Fact]
    public async Task Every_mapped_API_route_is_in_the_document_named_and_summarized()
    {
        using var document = JsonDocument.Parse(await app.Anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Path: Path(e.RoutePattern.RawText!), Method: method.ToLowerInvariant())))
            .ToList();

        Assert.True(mapped.Count > 30, $"only {mapped.Count} API routes found");
        foreach (var (path, method) in mapped)
        {
            var operation = paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out var found) ? found : default;
            Assert.True(operation.ValueKind == JsonValueKind.Object, $"{method} {path} is not in the document");
            if (!path.StartsWith("/api/account", StringComparison.Ordinal))
            {
                Assert.True(operation.TryGetProperty("operationId", out _) && operation.TryGetProperty("summary", out _), $"{method} {path} has no name or summary");
            }
        }
    }

    /// <summary>A route as the document writes it: one leading slash, no trailing one, no constraints.</summary>
    private static string Path(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.Trim('/'), @"\{([^}:?]+)[^}]*\}", "{$1}");
}
