using System.Net;
using System.Text;
using System.Text.Json;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Request bodies are bounded as Kestrel reads them, per endpoint: a body sent in chunks (no Content-Length to
/// look at) is refused with 413 and problem details as soon as it passes the limit, and nothing is stored.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class RequestLimitTests(NewsReaderApp app) : IAsyncLifetime
{
    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    /// <summary>An annotation whose comment makes its JSON this long.</summary>
    private static string AnnotationOf(int bytes)
    {
        var annotation = W3CAnnotations.Of("نزوحا كثيفا تحت وطأة هجوم عنيف", "x");
        annotation["body"]![0]!["value"] = new string('x', bytes);
        return annotation.ToJsonString();
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string body, string mediaType, bool chunked)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };
        request.Headers.TransferEncodingChunked = chunked;
        return await app.Http.SendAsync(request);
    }

    private async Task<int> AnnotationCountAsync(int articleId)
    {
        using var list = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative)));
        return list.RootElement.GetProperty("total").GetInt32();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_annotation_over_256_KiB_gets_413_whether_chunked_or_not_and_is_not_stored(bool chunked)
    {
        var seed = await app.SeedArticleIdAsync();

        using var refused = await SendAsync($"/api/articles/{seed}/annotations", AnnotationOf(300 * 1024), W3CAnnotations.MediaType, chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("This request's body may be at most 256 KiB; nothing was saved.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, await AnnotationCountAsync(seed));

        using var accepted = await SendAsync($"/api/articles/{seed}/annotations", AnnotationOf(9_000), W3CAnnotations.MediaType, chunked);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task An_annotation_file_over_5_MiB_sent_in_chunks_gets_413_and_imports_nothing()
    {
        var seed = await app.SeedArticleIdAsync();
        var items = string.Join(",", Enumerable.Repeat(AnnotationOf(60_000), 100));

        using var refused = await SendAsync("/api/annotations/import", $"[{items}]", W3CAnnotations.MediaType, chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(0, await AnnotationCountAsync(seed));
    }

    [Fact]
    public async Task An_endpoint_without_a_limit_of_its_own_takes_at_most_64_KiB()
    {
        using var refused = await SendAsync("/api/feeds", $$"""{"url":"https://wire.example/feed.rss","title":"{{new string('x', 70 * 1024)}}"}""", "application/json", chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        using var feeds = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri("/api/feeds", UriKind.Relative)));
        Assert.DoesNotContain(feeds.RootElement.EnumerateArray(), f => f.GetProperty("url").GetString() == "https://wire.example/feed.rss");
    }
}
