using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Who may read and change which annotation, through the HTTP API: anonymous, the owner, another reader
/// and an Editor, against private and shared annotations. Another reader's private annotation answers 404.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class AuthorizationTests(NewsReaderApp app) : IAsyncLifetime
{
    private const string Passage = "لسنا شركاء بشار الاسد";
    private HttpClient owner = null!;
    private HttpClient other = null!;
    private int articleId;

    public async Task InitializeAsync()
    {
        articleId = await app.SeedArticleIdAsync();
        owner = await app.SignedInClientAsync("owner@newsreader.test");
        other = await app.SignedInClientAsync("other@newsreader.test");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { owner, other })
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative)));
            foreach (var item in list.RootElement.GetProperty("first").GetProperty("items").EnumerateArray().Where(i => !i.TryGetProperty("creator", out _)))
            {
                (await client.DeleteAsync(new Uri(item.GetProperty("id").GetString()!))).Dispose();
            }

            client.Dispose();
        }
    }

    private HttpClient Actor(string actor) => actor switch
    {
        "anonymous" => app.Anonymous,
        "owner" => owner,
        "other" => other,
        _ => app.Http,
    };

    private async Task<(Uri Location, string ETag)> CreateAsync(bool shared)
    {
        using var created = await owner.PostAnnotationAsync(articleId, W3CAnnotations.Of(Passage, "note of the owner").ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;
        if (shared)
        {
            (await owner.PostAsync(new Uri(location + "/share"), null)).EnsureSuccessStatusCode();
        }

        return (location, created.Headers.ETag!.Tag);
    }

    private async Task<bool> SeesAsync(HttpClient client, Uri location)
    {
        var list = await client.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative));
        return list.Contains(location.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous", false, false)]
    [InlineData("owner", false, true)]
    [InlineData("other", false, false)]
    [InlineData("editor", false, false)]
    [InlineData("anonymous", true, true)]
    [InlineData("owner", true, true)]
    [InlineData("other", true, true)]
    [InlineData("editor", true, true)]
    public async Task Reading(string actor, bool shared, bool sees)
    {
        var (location, _) = await CreateAsync(shared);

        Assert.Equal(sees, await SeesAsync(Actor(actor), location));
        if (sees && actor != "owner")
        {
            var list = await Actor(actor).GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative));
            Assert.Contains("\"creator\":{\"type\":\"Person\",\"name\":\"owner\"}", list, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("owner", HttpStatusCode.Created)]
    [InlineData("other", HttpStatusCode.Created)]
    [InlineData("editor", HttpStatusCode.Created)]
    public async Task Creating(string actor, HttpStatusCode expected)
    {
        using var response = await Actor(actor).PostAnnotationAsync(articleId, W3CAnnotations.Of(Passage).ToJsonString());

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Created)
        {
            (await Actor(actor).DeleteAsync(response.Headers.Location)).Dispose();
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("anonymous", false, HttpStatusCode.Unauthorized)]
    [InlineData("owner", false, HttpStatusCode.OK)]
    [InlineData("other", false, HttpStatusCode.NotFound)]
    [InlineData("editor", false, HttpStatusCode.NotFound)]
    [InlineData("anonymous", true, HttpStatusCode.Unauthorized)]
    [InlineData("owner", true, HttpStatusCode.OK)]
    [InlineData("other", true, HttpStatusCode.Forbidden)]
    [InlineData("editor", true, HttpStatusCode.Forbidden)]
    public async Task Updating(string actor, bool shared, HttpStatusCode expected)
    {
        var (location, etag) = await CreateAsync(shared);
        using var replace = new HttpRequestMessage(HttpMethod.Put, location)
        {
            Content = new StringContent(W3CAnnotations.Of(Passage, "changed by " + actor).ToJsonString(), Encoding.UTF8, W3CAnnotations.MediaType),
        };
        replace.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));

        using var response = await Actor(actor).SendAsync(replace);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(expected == HttpStatusCode.OK ? "note of the owner" : "changed by", body, StringComparison.Ordinal);
        var stored = await owner.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative));
        Assert.Contains(expected == HttpStatusCode.OK ? "changed by owner" : "note of the owner", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous", false, HttpStatusCode.Unauthorized)]
    [InlineData("owner", false, HttpStatusCode.NoContent)]
    [InlineData("other", false, HttpStatusCode.NotFound)]
    [InlineData("editor", false, HttpStatusCode.NotFound)]
    [InlineData("anonymous", true, HttpStatusCode.Unauthorized)]
    [InlineData("owner", true, HttpStatusCode.NoContent)]
    [InlineData("other", true, HttpStatusCode.Forbidden)]
    [InlineData("editor", true, HttpStatusCode.Forbidden)]
    public async Task Deleting(string actor, bool shared, HttpStatusCode expected)
    {
        var (location, _) = await CreateAsync(shared);

        using var response = await Actor(actor).DeleteAsync(location);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected != HttpStatusCode.NoContent, await SeesAsync(owner, location));
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("owner", HttpStatusCode.NoContent)]
    [InlineData("other", HttpStatusCode.NotFound)]
    [InlineData("editor", HttpStatusCode.NotFound)]
    public async Task Sharing(string actor, HttpStatusCode expected)
    {
        var (location, _) = await CreateAsync(shared: false);

        using var response = await Actor(actor).PostAsync(new Uri(location + "/share"), null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.NoContent, await SeesAsync(app.Anonymous, location));
    }

    [Fact]
    public async Task A_script_signs_in_for_a_bearer_token_and_writes_with_it()
    {
        using var login = await app.Anonymous.PostAsync(new Uri("/api/account/login", UriKind.Relative),
            JsonContent.Create(new { email = "owner@newsreader.test", password = NewsReaderApp.Password }));
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative))
        {
            Content = new StringContent(W3CAnnotations.Of(Passage, "from a script").ToJsonString(), Encoding.UTF8, W3CAnnotations.MediaType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());

        using var created = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(await SeesAsync(owner, created.Headers.Location!));
    }

    [Fact]
    public async Task Articles_are_deleted_only_by_Editors()
    {
        using var anonymous = await app.Anonymous.DeleteAsync(new Uri($"/api/articles/{articleId}", UriKind.Relative));
        using var reader = await other.DeleteAsync(new Uri($"/api/articles/{articleId}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (anonymous.StatusCode, reader.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync(new Uri($"/api/articles/{articleId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_an_account()
    {
        using var reader = await app.SignedInClientAsync("careless@newsreader.test");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await app.Anonymous.PostAsync(new Uri("/api/account/login", UriKind.Relative),
                JsonContent.Create(new { email = "careless@newsreader.test", password = "not-the-password" }));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await app.Anonymous.PostAsync(new Uri("/api/account/login", UriKind.Relative),
            JsonContent.Create(new { email = "careless@newsreader.test", password = NewsReaderApp.Password }));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("LockedOut", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
