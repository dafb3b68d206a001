using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The JSON API's writes take JSON only, and a writer signed in by the cookie must also send the antiforgery
/// token (a sibling subdomain's page can send the cookie, not read the token).</summary>
[Collection(NewsReaderAppGroup.Name)]
public class ApiWriteRulesTests(NewsReaderApp app)
{
    private const string Account = "forms@newsreader.test";

    private static string Annotation(string comment) =>
        W3CAnnotations.Of("ايرولت", comment).ToJsonString();

    private static async Task<int> CountAsync(HttpClient http, int seed, string comment) =>
        (await http.GetStringAsync(new Uri($"/api/articles/{seed}/annotations", UriKind.Relative))).Split(comment).Length - 1;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_write_that_is_not_JSON_gets_415_and_stores_nothing(string contentType)
    {
        var seed = await app.SeedArticleIdAsync();
        using var http = await app.SignedInClientAsync(Account);
        var comment = $"not JSON {contentType.GetHashCode(StringComparison.Ordinal)}";
        using var content = new StringContent(Annotation(comment), Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await http.PostAsync(new Uri($"/api/articles/{seed}/annotations", UriKind.Relative), content);
        using var read = await http.PostAsync(new Uri("/api/articles/read", UriKind.Relative), new StringContent("""{"ids":[1]}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, read.StatusCode);
        Assert.Equal(0, await CountAsync(http, seed, comment));
    }

    [Fact]
    public async Task A_cookie_write_without_the_antiforgery_token_is_refused_and_with_it_goes_through()
    {
        var seed = await app.SeedArticleIdAsync();
        using var signedIn = await app.SignedInClientAsync(Account);
        var cookies = new CookieContainer();
        using var withoutToken = NewsReaderApp.EnglishClient(new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseAddress });
        (await withoutToken.PostAsJsonAsync(new Uri("/api/account/login?useCookies=true", UriKind.Relative), new { email = Account, password = NewsReaderApp.Password }))
            .EnsureSuccessStatusCode();

        using var refused = await withoutToken.PostAnnotationAsync(seed, Annotation("no token"));
        using var accepted = await signedIn.PostAnnotationAsync(seed, Annotation("with token"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Contains("/api/account/antiforgery", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(0, await CountAsync(signedIn, seed, "no token"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.GetAsync(new Uri("/api/account/antiforgery", UriKind.Relative))).StatusCode);
    }
}
