using System.Text.Json.Nodes;

namespace NewsReader.EndToEnd.Tests;

/// <summary>What the app writes passes every MUST assertion of the W3C's Web Annotation Data Model tests, run from
/// the W3C's own schemas: annotations (a highlight, a comment with tags, an entity and a canonical IRI, another
/// reader's shared one), the container, one of its pages, and an export file.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class W3CModelTests(NewsReaderApp app) : IAsyncLifetime
{
    private const string OtherReader = "w3c-model@newsreader.test";

    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync()
    {
        using var other = await app.SignedInClientAsync(OtherReader);
        using var list = await other.GetAsync(new Uri($"/api/articles/{await app.SeedArticleIdAsync()}/annotations", UriKind.Relative));
        foreach (var item in JsonNode.Parse(await list.Content.ReadAsStringAsync())!["first"]!["items"]!.AsArray())
        {
            (await other.DeleteAsync(new Uri(item!["id"]!.GetValue<string>()))).Dispose();
        }

        await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());
    }

    [Fact]
    public async Task Every_annotation_the_app_writes_passes_every_MUST_assertion_of_the_model()
    {
        var assertions = await W3CMaterial.AssertionsAsync("annotations/annotationMusts.test");
        Assert.Equal(54, assertions.Count);
        var article = await app.SeedArticleIdAsync();

        var highlight = await CreateAsync(app.Http, article, W3CAnnotations.Of("هدنة في حلب"));
        var comment = W3CAnnotations.Of("جان مارك ايرولت", "**French** foreign minister", ["people"], ["jean-marc-ayrault"]);
        comment["canonical"] = "urn:uuid:5f1e1e0c-3f43-4f8a-9d8e-0b8e6a0d6f11";
        var commented = await CreateAsync(app.Http, article, comment);
        using var other = await app.SignedInClientAsync(OtherReader);
        var shared = await CreateAsync(other, article, W3CAnnotations.Of("لسنا شركاء بشار الاسد", "shared"));
        (await other.PostAsync(new Uri($"/api/annotations/{shared.Split('/')[^1]}/share", UriKind.Relative), null)).Dispose();

        var failures = new List<string>();
        foreach (var iri in new[] { highlight, commented, shared })
        {
            var json = JsonNode.Parse(await app.Http.GetStringAsync(new Uri(iri)))!;
            failures.AddRange(W3CMaterial.Failures(iri, json, assertions));
        }

        var export = JsonNode.Parse(await app.Http.GetStringAsync(new Uri("/api/annotations/export", UriKind.Relative)))!;
        foreach (var item in export["first"]!["items"]!.AsArray())
        {
            failures.AddRange(W3CMaterial.Failures("an exported annotation", item!, assertions));
        }

        Assert.Equal("", string.Join(Environment.NewLine, failures));
        var highlightJson = JsonNode.Parse(await app.Http.GetStringAsync(new Uri(highlight)))!.AsObject();
        Assert.False(highlightJson.ContainsKey("body"), "A highlight without a comment has no body (not an empty list).");
        Assert.Equal("CssStylesheet", highlightJson["stylesheet"]!["type"]!.GetValue<string>());
        Assert.Equal(comment["canonical"]!.GetValue<string>(), JsonNode.Parse(await app.Http.GetStringAsync(new Uri(commented)))!["canonical"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_container_its_pages_and_an_export_pass_every_MUST_assertion_for_collections_and_pages()
    {
        var collectionMusts = await W3CMaterial.AssertionsAsync("collections/collectionMusts.test");
        var pageMusts = await W3CMaterial.AssertionsAsync("collections/pages/pageMusts.test");
        Assert.Equal((10, 15), (collectionMusts.Count, pageMusts.Count));
        var article = await app.SeedArticleIdAsync();
        await CreateAsync(app.Http, article, W3CAnnotations.Of("هدنة في حلب", "a comment"));
        var container = new Uri($"/api/articles/{article}/annotations/", UriKind.Relative);

        var failures = new List<string>();
        failures.AddRange(W3CMaterial.Failures("the container", JsonNode.Parse(await app.Http.GetStringAsync(container))!, collectionMusts));
        using (var minimal = new HttpRequestMessage(HttpMethod.Get, container))
        {
            minimal.Headers.Add("Prefer", "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"");
            using var response = await app.Http.SendAsync(minimal);
            failures.AddRange(W3CMaterial.Failures("the minimal container", JsonNode.Parse(await response.Content.ReadAsStringAsync())!, collectionMusts));
        }

        failures.AddRange(W3CMaterial.Failures("page 0", JsonNode.Parse(await app.Http.GetStringAsync(new Uri($"{container}?page=0", UriKind.Relative)))!, pageMusts));
        var export = JsonNode.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{article}/annotations/export?format=jsonld", UriKind.Relative)))!;
        failures.AddRange(W3CMaterial.Failures("the export", export, collectionMusts));
        Assert.Equal("", string.Join(Environment.NewLine, failures));
        Assert.EndsWith("format=jsonld&page=0", export["first"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<string> CreateAsync(HttpClient http, int article, JsonObject annotation)
    {
        using var created = await http.PostAnnotationAsync(article, annotation.ToJsonString());
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }
}
