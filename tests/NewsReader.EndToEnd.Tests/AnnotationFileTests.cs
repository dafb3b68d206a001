using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Export to W3C JSON-LD and Markdown, and import back, over real HTTP.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class AnnotationFileTests(NewsReaderApp app) : IAsyncLifetime
{
    private int articleId;

    public async Task InitializeAsync()
    {
        articleId = await app.SeedArticleIdAsync();
        await app.ClearAnnotationsAsync(articleId);
    }

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(articleId);

    private static JsonObject Annotation(string passage, string style, string? comment, string[] tags, string[] entities)
    {
        var annotation = W3CAnnotations.Of(passage, comment, tags, entities, style);
        annotation["target"]!["source"] = "https://elsewhere.example/articles/{id}";
        return annotation;
    }

    private async Task CreateAsync(JsonObject annotation)
    {
        annotation["target"]!["source"] = $"https://elsewhere.example/articles/{articleId}";
        using var created = await app.Http.PostAnnotationAsync(articleId, annotation.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private async Task CreateThreeAsync()
    {
        await CreateAsync(Annotation("لسنا شركاء بشار الاسد", "highlight-pink", "**ليس** شريكا — [AFP](https://example.org)", ["quote", "الأسد"], ["bashar-al-assad"]));
        await CreateAsync(Annotation("آن الاوان ليستيقظ المجتمع الدولي", "highlight-yellow", null, [], []));
        await CreateAsync(Annotation("ترفض منطق الحرب الشاملة", "highlight-blue", "line one\n\nline two", ["war"], []));
    }

    private async Task<List<JsonNode>> ListAsync() =>
        JsonNode.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative)))!["first"]!["items"]!
            .AsArray().Select(a => a!).ToList();

    private async Task<HttpResponseMessage> ImportAsync(string file) =>
        await app.Http.PostAsync(new Uri("/api/annotations/import", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/ld+json"));

    private static string Essence(JsonNode annotation) =>
        annotation["body"]?.ToJsonString() + annotation["target"]!["selector"]!.ToJsonString() + annotation["target"]!["styleClass"] + annotation["motivation"];

    [Fact]
    public async Task A_JSON_LD_export_imported_again_gives_identical_annotations_and_a_second_import_doubles_nothing()
    {
        await CreateThreeAsync();
        var before = await ListAsync();
        Assert.Contains(before, a => a["body"] is JsonArray bodies && bodies.Any(b => b!["purpose"]!.GetValue<string>() == "identifying"
            && b["source"]!.GetValue<string>().EndsWith("/entities/bashar-al-assad", StringComparison.Ordinal)));

        using var export = await app.Http.GetAsync(new Uri($"/api/articles/{articleId}/annotations/export?format=jsonld", UriKind.Relative));
        Assert.Equal("application/ld+json", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"newsreader-article-{articleId}-annotations.jsonld", export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName);
        var file = await export.Content.ReadAsStringAsync();
        await app.ClearAnnotationsAsync(articleId);
        Assert.Empty(await ListAsync());

        using var imported = await ImportAsync(file);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using (var report = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()))
        {
            Assert.Equal((3, 0, 0), (report.RootElement.GetProperty("imported").GetInt32(), report.RootElement.GetProperty("duplicates").GetInt32(), report.RootElement.GetProperty("failures").GetArrayLength()));
        }

        Assert.Equal(before.Select(Essence).Order(), (await ListAsync()).Select(Essence).Order());

        using var again = await ImportAsync(file);
        using (var report = JsonDocument.Parse(await again.Content.ReadAsStringAsync()))
        {
            Assert.Equal((0, 3), (report.RootElement.GetProperty("imported").GetInt32(), report.RootElement.GetProperty("duplicates").GetInt32()));
        }

        Assert.Equal(3, (await ListAsync()).Count);
    }

    [Fact]
    public async Task The_Markdown_export_quotes_each_passage_with_its_comment_tags_and_entities()
    {
        await CreateThreeAsync();

        using var export = await app.Http.GetAsync(new Uri($"/api/articles/{articleId}/annotations/export?format=markdown", UriKind.Relative));
        Assert.Equal("text/markdown", export.Content.Headers.ContentType!.MediaType);
        var markdown = await export.Content.ReadAsStringAsync();

        Assert.StartsWith("# NewsReader annotations\n\n## ايرولت", markdown, StringComparison.Ordinal);
        Assert.Contains("\n> آن الاوان ليستيقظ المجتمع الدولي\n", markdown, StringComparison.Ordinal);
        Assert.Contains("> لسنا شركاء بشار الاسد\n\n**ليس** شريكا — [AFP](https://example.org)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("*Tags: #quote, #الأسد · About: [bashar-al-assad](", markdown, StringComparison.Ordinal);
        Assert.Contains("line one\n\nline two", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("آن الاوان", StringComparison.Ordinal) < markdown.IndexOf("لسنا شركاء", StringComparison.Ordinal), "reading order");

        var everything = await app.Http.GetStringAsync(new Uri("/api/annotations/export?format=markdown", UriKind.Relative));
        Assert.Contains("> لسنا شركاء بشار الاسد", everything, StringComparison.Ordinal);
        var all = JsonNode.Parse(await app.Http.GetStringAsync(new Uri("/api/annotations/export", UriKind.Relative)))!;
        Assert.Equal(("AnnotationCollection", 3), (all["type"]!.GetValue<string>(), all["total"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{"type":"Nope"}""", "not W3C annotations")]
    [InlineData("""[{"type":"Annotation","target":{"source":"https://x.example/articles/999999","selector":{"type":"TextPositionSelector","start":0,"end":5}}}]""", "there is no article 999999")]
    [InlineData("""[{"type":"Annotation","target":{"source":"https://x.example/elsewhere","selector":{"type":"TextPositionSelector","start":0,"end":5}}}]""", "its target is not an article")]
    public async Task A_file_that_yields_nothing_is_refused_with_the_reason(string file, string reason)
    {
        using var response = await ImportAsync(file.Replace("{id}", articleId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task A_bad_annotation_in_a_file_is_reported_and_the_good_ones_are_imported()
    {
        var good = Annotation("لسنا شركاء بشار الاسد", "highlight-green", "ok", [], []);
        var bad = Annotation("لسنا شركاء بشار الاسد", "highlight-green", new string('x', 10_001), [], []);
        var file = new JsonArray(good, bad).ToJsonString().Replace("{id}", articleId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await ImportAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, report.RootElement.GetProperty("imported").GetInt32());
        Assert.StartsWith("Annotation 2: The comment is longer than 10,000 characters", report.RootElement.GetProperty("failures")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(await ListAsync());
    }

    [Fact]
    public async Task Unknown_formats_and_oversized_files_are_refused()
    {
        using var format = await app.Http.GetAsync(new Uri($"/api/articles/{articleId}/annotations/export?format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        using var missing = await app.Http.GetAsync(new Uri("/api/articles/999999/annotations/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var huge = await ImportAsync("[" + new string(' ', 6 * 1024 * 1024) + "]");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task A_reader_imports_a_file_in_the_browser_and_sees_its_highlights()
    {
        await CreateThreeAsync();
        var file = await app.Http.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations/export", UriKind.Relative));
        await app.ClearAnnotationsAsync(articleId);
        var page = await app.OpenSeedReaderAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Your highlights" });

        await panel.GetByLabel("Import W3C JSON-LD").SetInputFilesAsync(new FilePayload
        {
            Name = "annotations.jsonld",
            MimeType = "application/ld+json",
            Buffer = Encoding.UTF8.GetBytes(file),
        });

        await Assertions.Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported 3, already there 0, failed 0.");
        await Assertions.Expect(panel.Locator("li.annotation-item")).ToHaveCountAsync(3);
        await page.WaitForFunctionAsync("() => ['pink', 'yellow', 'blue'].every(c => CSS.highlights.get('annotation-' + c)?.size === 1)");
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Markdown" }))
            .ToHaveAttributeAsync("href", $"api/articles/{articleId}/annotations/export?format=markdown");
    }
}
