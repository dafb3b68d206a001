using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

[Collection(NewsReaderAppGroup.Name)]
public class ApiTests(NewsReaderApp app)
{
    private static readonly byte[] SeedBytes =
        File.ReadAllBytes(Path.Combine(RepositoryFiles.SeedsFolder, RepositoryFiles.SeedKey + ".txt"));

    [Fact]
    public async Task The_list_has_the_seed_with_camel_case_fields()
    {
        using var list = JsonDocument.Parse(await app.Http.GetStringAsync("/api/articles"));

        Assert.Equal(["items", "next"], list.RootElement.EnumerateObject().Select(p => p.Name));
        var seed = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ["id", "title", "language", "direction", "source", "publishedAt", "isRead", "isSaved"],
            seed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ar", "rtl", "الوكالات"), (seed.GetProperty("language").GetString(), seed.GetProperty("direction").GetString(), seed.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task An_article_serves_its_body_exactly_as_stored()
    {
        var id = await SeedIdAsync();

        using var response = await app.Http.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative));
        using var article = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SeedBytes, Encoding.UTF8.GetBytes(article.RootElement.GetProperty("body").GetString()!));
        Assert.StartsWith("ايرولت", article.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/articles/999999")]
    [InlineData("/api/articles/not-a-number")]
    public async Task An_unknown_article_is_a_404_with_problem_details(string path)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Article not found", 404), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Health_is_200_once_the_database_is_ready()
    {
        using var response = await app.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_reader_page_is_prerendered_with_the_article_text()
    {
        var id = await SeedIdAsync();

        var html = await app.Http.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative));

        Assert.Contains("lang=\"ar\" dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("أعلن وزير الخارجية الفرنسي", html, StringComparison.Ordinal);
        Assert.Contains("data-entity=\"jean-marc-ayrault\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_reader_page_is_a_404_page()
    {
        using var response = await app.Http.GetAsync(new Uri("/articles/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_self_hosted_font_and_component_styles_are_served()
    {
        foreach (var path in new[]
        {
            "/fonts/noto-naskh-arabic/noto-naskh-arabic-arabic-400-normal.woff2",
            "/fonts/noto-naskh-arabic/LICENSE",
            "/_content/MudBlazor/MudBlazor.min.css",
        })
        {
            using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Mentions_carry_utf16_offsets_into_the_stored_body()
    {
        var id = await SeedIdAsync();
        var body = Encoding.UTF8.GetString(SeedBytes);

        using var mentions = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{id}/mentions", UriKind.Relative)));

        var all = mentions.RootElement.EnumerateArray().ToList();
        Assert.True(all.Count >= 60);
        Assert.All(all, m => Assert.Equal(
            m.GetProperty("text").GetString(),
            body.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32())));
        var ankara = all.Where(m => m.GetProperty("entity").GetProperty("id").GetString() == "ankara").ToList();
        Assert.Equal(["انقرة", "أنقرة"], ankara.Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(("Ankara", "place"), (ankara[0].GetProperty("entity").GetProperty("name").GetString(), ankara[0].GetProperty("entity").GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("انقره", "ankara")]
    [InlineData("حَلَب", "aleppo")]
    [InlineData("aleppo", "aleppo")]
    public async Task Entities_are_found_by_any_spelling(string query, string id)
    {
        using var found = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri($"/api/entities?q={Uri.EscapeDataString(query)}", UriKind.Relative)));

        Assert.Equal(id, found.RootElement[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/api/entities?q=", 400)]
    [InlineData("/api/entities?q=%20%20", 400)]
    [InlineData("/api/entities?q=halab&type=planet", 400)]
    [InlineData("/api/entities/nowhere-at-all", 404)]
    [InlineData("/api/articles/999999/mentions", 404)]
    public async Task Bad_entity_requests_get_problem_details(string path, int status)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_over_long_entity_query_is_refused()
    {
        using var response = await app.Http.GetAsync(new Uri($"/api/entities?q={new string('a', 101)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<int> SeedIdAsync()
    {
        using var list = JsonDocument.Parse(await app.Http.GetStringAsync("/api/articles"));
        return list.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
    }
}
