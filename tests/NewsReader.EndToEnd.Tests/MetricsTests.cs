using System.Net;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The server's measurements for Prometheus: the framework's and the app's own, for Editors only.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class MetricsTests(NewsReaderApp app) : IAsyncLifetime
{
    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    [Fact]
    public async Task An_Editor_reads_requests_the_GC_heap_searches_and_annotation_writes_and_a_visitor_reads_nothing()
    {
        using var searched = await app.Http.GetAsync(new Uri("/api/search?q=حلب", UriKind.Relative));
        using var written = await app.Http.PostAnnotationAsync(await app.SeedArticleIdAsync(), W3CAnnotations.Of("لسنا شركاء بشار الاسد").ToJsonString());
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);

        using var response = await app.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var metrics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var name in new[]
        {
            "http_server_request_duration_seconds_bucket", "kestrel_active_connections", "dotnet_gc_last_collection_heap_size_bytes",
            "newsreader_search_duration_seconds_bucket", "newsreader_annotation_writes_total{otel_scope_name=\"NewsReader\",operation=\"create\"}",
        })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }

        using var anonymous = await app.Anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.DoesNotContain("http_server_request_duration_seconds", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Editor_can_ask_for_the_heap_after_a_full_collection_and_nobody_else_can()
    {
        using var measured = await app.Http.PostAsync(new Uri("/metrics/gc", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, measured.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await measured.Content.ReadAsStringAsync());
        Assert.InRange(report.RootElement.GetProperty("heapBytes").GetInt64(), 1_000_000, report.RootElement.GetProperty("workingSetBytes").GetInt64());

        using var anonymous = await app.Anonymous.PostAsync(new Uri("/metrics/gc", UriKind.Relative), null);
        Assert.DoesNotContain("heapBytes", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reader = await app.SignedInClientAsync("metrics-reader@newsreader.test");
        using var refused = await reader.PostAsync(new Uri("/metrics/gc", UriKind.Relative), null);
        Assert.DoesNotContain("heapBytes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
