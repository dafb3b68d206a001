using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.EndToEnd.Tests;

[Collection(NewsReaderAppGroup.Name)]
public sealed class AnnotationApiTests(NewsReaderApp app) : IAsyncLifetime
{

    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    private static string Annotation(string passage, string? comment = null, params string[] tags) =>
        W3CAnnotations.Of(passage, comment, tags).ToJsonString();

    private Task<HttpResponseMessage> PostAsync(int articleId, string json) => app.Http.PostAnnotationAsync(articleId, json);

    [Fact]
    public async Task An_annotation_is_created_listed_replaced_and_deleted_in_W3C_JSON_LD()
    {
        var id = await app.SeedArticleIdAsync();

        using var created = await PostAsync(id, Annotation("لسنا شركاء بشار الاسد", "**مهم**", "quote"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/ld+json", created.Content.Headers.ContentType!.MediaType);
        Assert.Contains(created.Content.Headers.ContentType.Parameters, p => p.Name == "profile" && p.Value == "\"http://www.w3.org/ns/anno.jsonld\"");
        var location = created.Headers.Location!;
        var etag = created.Headers.ETag!;
        var annotation = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(("Annotation", "commenting"), (annotation["type"]!.GetValue<string>(), annotation["motivation"]!.GetValue<string>()));
        Assert.Equal("لسنا شركاء بشار الاسد", annotation["target"]!["selector"]![1]!["exact"]!.GetValue<string>());
        Assert.Equal(["commenting", "tagging"], annotation["body"]!.AsArray().Select(b => b!["purpose"]!.GetValue<string>()));

        using var list = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{id}/annotations", UriKind.Relative)));
        Assert.Contains("AnnotationCollection", list.RootElement.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(list.RootElement.GetProperty("first").GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == location.ToString());

        // The IRI that Location names answers with the annotation and its ETag; to others it does not exist (private).
        using (var fetched = await app.Http.GetAsync(location))
        {
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
            Assert.Equal(etag, fetched.Headers.ETag);
            Assert.Equal(location.ToString(), JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
            Assert.Contains("Accept", fetched.Headers.Vary);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync(location)).StatusCode);

        using var replace = new HttpRequestMessage(HttpMethod.Put, location) { Content = new StringContent(Annotation("لسنا شركاء بشار الاسد", "edited"), Encoding.UTF8, W3CAnnotations.MediaType) };
        replace.Headers.IfMatch.Add(etag);
        using var replaced = await app.Http.SendAsync(replace);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(etag, replaced.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Put, location) { Content = new StringContent(Annotation("لسنا شركاء بشار الاسد", "from an old tab"), Encoding.UTF8, W3CAnnotations.MediaType) };
        stale.Headers.IfMatch.Add(etag);
        using var conflict = await app.Http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        var problem = JsonNode.Parse(await conflict.Content.ReadAsStringAsync())!;
        Assert.Equal("edited", problem["stored"]!["body"]![0]!["value"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await app.Http.DeleteAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.DeleteAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Two_replacements_sent_at_once_with_the_same_If_Match_give_one_200_and_one_412_and_the_stored_one_is_the_winner()
    {
        var id = await app.SeedArticleIdAsync();
        using var created = await PostAsync(id, Annotation("لسنا شركاء بشار الاسد", "original"));
        var (location, etag) = (created.Headers.Location!, created.Headers.ETag!);

        async Task<(HttpStatusCode Status, string Comment, System.Net.Http.Headers.EntityTagHeaderValue? ETag)> ReplaceAsync(string comment)
        {
            using var replace = new HttpRequestMessage(HttpMethod.Put, location)
            {
                Content = new StringContent(Annotation("لسنا شركاء بشار الاسد", comment), Encoding.UTF8, W3CAnnotations.MediaType),
            };
            replace.Headers.IfMatch.Add(etag);
            using var response = await app.Http.SendAsync(replace);
            return (response.StatusCode, comment, response.Headers.ETag);
        }

        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(ReplaceAsync($"first {round}"), ReplaceAsync($"second {round}"));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.Status).Order());
            var winner = results.Single(r => r.Status == HttpStatusCode.OK);
            using var list = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{id}/annotations", UriKind.Relative)));
            var stored = list.RootElement.GetProperty("first").GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetString() == location.ToString());
            Assert.Equal(winner.Comment, stored.GetProperty("body")[0].GetProperty("value").GetString());
            etag = winner.ETag!;
        }
    }

    [Fact]
    public async Task Exported_annotations_imported_again_are_identical()
    {
        var id = await app.SeedArticleIdAsync();
        foreach (var (passage, comment) in new[] { ("هدنة في حلب", "a [link](https://example.org)"), ("جان مارك ايرولت", null) })
        {
            (await PostAsync(id, Annotation(passage, comment, "roundtrip"))).Dispose();
        }

        var exported = JsonNode.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{id}/annotations", UriKind.Relative)))!["first"]!["items"]!.AsArray()
            .Where(a => a!["body"]!.AsArray().Any(b => b!["value"]!.GetValue<string>() == "roundtrip")).ToList();
        foreach (var annotation in exported)
        {
            (await app.Http.DeleteAsync(new Uri(annotation!["id"]!.GetValue<string>()))).Dispose();
            (await PostAsync(id, annotation.ToJsonString())).Dispose();
        }

        var imported = JsonNode.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{id}/annotations", UriKind.Relative)))!["first"]!["items"]!.AsArray()
            .Where(a => a!["body"]!.AsArray().Any(b => b!["value"]!.GetValue<string>() == "roundtrip")).ToList();
        static string Essence(JsonNode? a) => a!["body"]!.ToJsonString() + a["target"]!["selector"]!.ToJsonString() + a["target"]!["styleClass"] + a["motivation"];
        Assert.Equal(exported.Select(Essence).Order(), imported.Select(Essence).Order());
        Assert.Equal(2, imported.Count);
    }

    [Theory]
    [InlineData("{ not json", 400)]
    [InlineData("[]", 400)]
    [InlineData("""{"type":"Annotation"}""", 400)]
    [InlineData("""{"type":"Annotation","target":{"selector":{"type":"TextPositionSelector","start":"a","end":3}}}""", 400)]
    [InlineData("""{"type":"Annotation","target":{"selector":{"type":"TextPositionSelector","start":10,"end":99999}}}""", 400)]
    [InlineData("""{"type":"Annotation","target":{"selector":{"type":"TextQuoteSelector","exact":"ليس في المقال"}}}""", 400)]
    [InlineData("""{"type":"Annotation","target":{"styleClass":"highlight-plaid","selector":{"type":"TextPositionSelector","start":0,"end":5}}}""", 400)]
    public async Task Bad_annotations_get_400_with_problem_details_and_write_nothing(string json, int status)
    {
        var id = await app.SeedArticleIdAsync();
        using var before = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{id}/annotations", UriKind.Relative)));

        using var response = await PostAsync(id, json);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var after = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{id}/annotations", UriKind.Relative)));
        Assert.Equal(before.RootElement.GetProperty("total").GetInt32(), after.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_over_long_comment_is_refused_with_a_clear_message()
    {
        using var response = await PostAsync(await app.SeedArticleIdAsync(), Annotation("حلب", new string('x', 10_001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than 10,000 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_without_If_Match_is_refused_and_unknown_ids_are_404()
    {
        using var created = await PostAsync(await app.SeedArticleIdAsync(), Annotation("حلب"));
        using var replace = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location) { Content = new StringContent(Annotation("حلب", "x"), Encoding.UTF8, W3CAnnotations.MediaType) };

        Assert.Equal((HttpStatusCode)428, (await app.Http.SendAsync(replace)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync(new Uri("/api/articles/999999/annotations", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(999999, Annotation("حلب"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.DeleteAsync(new Uri($"/api/annotations/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }
}
