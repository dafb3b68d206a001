using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.Load;

/// <summary>The app as its API's clients see it: accounts with bearer tokens, an article, annotations, the heap.</summary>
internal sealed class AppClient(Uri url) : IDisposable
{
    public const string AnnotationType = "application/ld+json";

    private readonly HttpClient anonymous = NewClient(url);

    public Uri Url { get; } = url;

    public HttpClient Anonymous => anonymous;

    public static HttpClient NewClient(Uri url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A client signed in with a bearer token, registering the account first if it is new.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var account = new { email, password };
        using (await anonymous.PostAsJsonAsync(new Uri("/api/account/register", UriKind.Relative), account))
        {
        }

        using var login = await anonymous.PostAsJsonAsync(new Uri("/api/account/login", UriKind.Relative), account);
        login.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var http = NewClient(Url);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>The article to read and annotate: the one asked for, or the newest.</summary>
    public async Task<(int Id, string Body)> ArticleAsync(int? id)
    {
        if (id is null)
        {
            using var list = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/api/articles?pageSize=1", UriKind.Relative)));
            id = list.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
        }

        using var article = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri($"/api/articles/{id}", UriKind.Relative)));
        return (id.Value, article.RootElement.GetProperty("body").GetString()!);
    }

    /// <summary>The server's managed heap after a full collection (an Editor's request).</summary>
    public static async Task<long> HeapAfterFullCollectionAsync(HttpClient editor)
    {
        using var response = await editor.PostAsync(new Uri("/metrics/gc", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return report.RootElement.GetProperty("heapBytes").GetInt64();
    }

    /// <summary>A W3C annotation of a passage of <paramref name="body"/> chosen from <paramref name="random"/>, with a comment.</summary>
    public static StringContent Annotation(string body, Random random, string comment)
    {
        var length = Math.Min(body.Length, random.Next(8, 40));
        var start = random.Next(0, body.Length - length);
        while (string.IsNullOrWhiteSpace(body.Substring(start, length)))
        {
            start = (start + 1) % (body.Length - length);
        }

        var annotation = new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = comment, ["purpose"] = "commenting" },
            ["target"] = new JsonObject { ["selector"] = new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = start + length } },
        };
        return new StringContent(annotation.ToJsonString(), Encoding.UTF8, AnnotationType);
    }

    public void Dispose() => anonymous.Dispose();
}
