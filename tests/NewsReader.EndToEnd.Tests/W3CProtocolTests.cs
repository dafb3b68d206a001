using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Every server MUST of web-platform-tests' <c>annotation-protocol/server/server-manual.html</c>, named as
/// that page names them (W3C/annotation-protocol/server-musts.txt), checked with the page's own requests and tests.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed partial class W3CProtocolTests(NewsReaderApp app) : IAsyncLifetime
{
    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    [Fact]
    public async Task The_app_passes_every_server_MUST_of_the_W3C_protocol_tests()
    {
        var run = await ProtocolRun.StartAsync(app.Http, await app.SeedArticleIdAsync());
        var checks = Checks(run);
        var failures = new List<string>();
        foreach (var must in W3CMaterial.ProtocolMusts)
        {
            if (!checks.TryGetValue(must, out var check))
            {
                failures.Add($"no check for: {must}");
            }
            else if (!await check())
            {
                failures.Add($"fails: {must}");
            }
        }

        Assert.Equal(35, W3CMaterial.ProtocolMusts.Count);
        Assert.Equal("", string.Join(Environment.NewLine, failures));
    }

    private static Dictionary<string, Func<Task<bool>>> Checks(ProtocolRun run)
    {
        var container = run.Container;
        var annotation = run.Annotation;
        return new Dictionary<string, Func<Task<bool>>>(StringComparer.Ordinal)
        {
            ["Container MUST end in a \"/\" character"] = () => Task.FromResult(run.ContainerIri.EndsWith('/')),
            ["Containers MUST support GET (check Allow on GET)"] = () => Has(container, "Allow", "GET"),
            ["Containers MUST support HEAD (check Allow on GET)"] = () => Has(container, "Allow", "HEAD"),
            ["Containers MUST support OPTIONS (check Allow on GET)"] = () => Has(container, "Allow", "OPTIONS"),
            ["Containers MUST have a Content-Type header with the application/ld+json media type"] = () => Has(container, "Content-Type", "application/ld+json"),
            ["Containers MUST response with the JSON-LD representation (by default)"] = () => Has(container, "Content-Type", "application/ld+json"),
            ["Containers MUST return a description of the container with BasicContainer"] = () => Task.FromResult(Types(container.Body).Contains("BasicContainer")),
            ["Containers MUST return a description of the container with AnnotationCollection"] = () => Task.FromResult(Types(container.Body).Contains("AnnotationCollection")),
            ["Containers MUST return a Link header (rfc5988) on all responses"] = async () =>
                (await Task.WhenAll(run.ContainerHead, run.ContainerOptions)).Append(container).All(r => r.Header("Link") is not null),
            ["Containers MUST have an ETag header"] = () => Task.FromResult(container.Header("ETag") is not null),
            ["Containers MUST have a Vary header with Accept in the value"] = () => Has(container, "Vary", "Accept"),
            ["Containers MUST advertise its type by including a link where the rel parameter value is type and the target IRI is the appropriate Container Type"] =
                () => Task.FromResult(ContainerType().IsMatch(container.Header("Link") ?? "")),
            ["Containers MUST advertise that it imposes Annotation protocol specific constraints by including a link where the target IRI is http://www.w3.org/TR/annotation-protocol/, and the rel parameter value is the IRI http://www.w3.org/ns/ldp#constrainedBy"] =
                () => Has(container, "Link", "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\""),
            ["Containers MUST support HEAD method"] = async () => (await run.ContainerHead).Status == HttpStatusCode.OK,
            ["Containers MUST support OPTIONS method"] = async () => (await run.ContainerOptions).Status == HttpStatusCode.OK,
            ["Containers MUST include a Content-Location header with the IRI as its value"] = () => Task.FromResult(container.Header("Content-Location") is not null),
            ["Container's Content-Location and `id` MUST match"] = () => Task.FromResult(container.Header("Content-Location") == Id(container.Body)),
            ["Annotation Pages must have a link to the container they are part of, using the partOf property"] = async () =>
                (await run.GetAsync(FirstPage(container.Body))).Body?["partOf"] is { } partOf && (partOf is JsonValue ? partOf.GetValue<string>() : Id(partOf)) == run.ContainerIri,
            ["Annotation Pages MUST have a link to the previous page in the sequence, using the prev property (if not the first page)"] = async () =>
                (await run.GetAsync(container.Body!["last"]!.GetValue<string>())).Body?["prev"] is not null,
            ["Annotation Pages MUST have a link to the next page in the sequence, using the next property (if not the last page)"] = async () =>
                (await run.GetAsync(FirstPage(container.Body))).Body?["next"] is not null,
            ["Annotations MUST support GET (check Allow on GET)"] = () => Has(annotation, "Allow", "GET"),
            ["Annotations MUST support HEAD (check Allow on GET)"] = () => Has(annotation, "Allow", "HEAD"),
            ["Annotations MUST support OPTIONS (check Allow on GET)"] = () => Has(annotation, "Allow", "OPTIONS"),
            ["Annotations MUST have a Content-Type header with the application/ld+json media type"] = () => Has(annotation, "Content-Type", "application/ld+json"),
            ["Annotations MUST have a Link header entry where the target IRI is http://www.w3.org/ns/ldp#Resource and the rel parameter value is type"] =
                () => Task.FromResult(AnnotationType().IsMatch(annotation.Header("Link") ?? "")),
            ["Annotations MUST have an ETag header"] = () => Task.FromResult(annotation.Header("ETag") is not null),
            ["Annotations MUST have a Vary header with Accept in the value"] = () => Has(annotation, "Vary", "Accept"),
            ["Annotations MUST support HEAD method"] = async () => (await run.SendAsync(HttpMethod.Head, run.AnnotationIri)).Status == HttpStatusCode.OK,
            ["Annotations MUST support OPTIONS method"] = async () => (await run.SendAsync(HttpMethod.Options, run.AnnotationIri)).Status == HttpStatusCode.OK,
            ["Created Annotation MUST have an id property"] = () => Task.FromResult(Id(run.Created.Body) is not null),
            ["Created Annotation MUST have an id that starts with the Container IRI"] = () => Task.FromResult(Id(run.Created.Body)?.StartsWith(run.ContainerIri, StringComparison.Ordinal) == true),
            ["Created Annotation MUST preserve any canonical IRI"] = () => Task.FromResult(run.Created.Body?["canonical"]?.GetValue<string>() == run.Canonical),
            ["Annotation Server MUST respond with a 201 Created code if the creation is successful"] = () => Task.FromResult(run.Created.Status == HttpStatusCode.Created),
            ["Annotation update must be done with the PUT method"] = run.UpdateChangesTargetAsync,
            ["Annotation deletion with DELETE method MUST return a 204 status"] = async () => (await run.SendAsync(HttpMethod.Delete, Id(run.Created.Body)!)).Status == HttpStatusCode.NoContent,
        };
    }

    private static Task<bool> Has(Answer answer, string header, string part) => Task.FromResult(answer.Header(header)?.Contains(part, StringComparison.Ordinal) == true);

    private static IEnumerable<string> Types(JsonNode? body) => body?["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static string? Id(JsonNode? node) => node?["id"]?.GetValue<string>();

    private static string FirstPage(JsonNode? container) => container!["first"] is JsonObject first ? Id(first)! : container["first"]!.GetValue<string>();

    [GeneratedRegex(@"<http://www\.w3\.org/ns/(ldp#BasicContainer|oa#AnnotationCollection)>; *rel=""type""")]
    private static partial Regex ContainerType();

    [GeneratedRegex(@"<http://www\.w3\.org/ns/ldp#Resource>; *rel=""type""")]
    private static partial Regex AnnotationType();

    /// <summary>A response as the W3C page sees it: status, headers (of the response and its content), and the JSON body.</summary>
    private sealed record Answer(HttpStatusCode Status, Dictionary<string, string> Headers, JsonNode? Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            var text = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, headers, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null);
        }
    }

    /// <summary>The requests of the W3C page, made once: a container with more than one page (a page holds 100), one
    /// of its annotations, and an annotation created as the page creates it.</summary>
    private sealed class ProtocolRun
    {
        private readonly HttpClient http;

        private ProtocolRun(HttpClient http, string containerIri) => (this.http, ContainerIri) = (http, containerIri);

        public string ContainerIri { get; }

        public string Canonical { get; } = $"urn:uuid:{Guid.NewGuid()}";

        public Answer Container { get; private set; } = null!;

        public Task<Answer> ContainerHead { get; private set; } = null!;

        public Task<Answer> ContainerOptions { get; private set; } = null!;

        public string AnnotationIri { get; private set; } = "";

        public Answer Annotation { get; private set; } = null!;

        public Answer Created { get; private set; } = null!;

        public static async Task<ProtocolRun> StartAsync(HttpClient http, int article)
        {
            var run = new ProtocolRun(http, new Uri(http.BaseAddress!, $"/api/articles/{article}/annotations/").ToString());
            await run.FillContainerAsync(article, 101);
            run.Container = await run.GetAsync(run.ContainerIri);
            run.ContainerHead = run.SendAsync(HttpMethod.Head, run.ContainerIri);
            run.ContainerOptions = run.SendAsync(HttpMethod.Options, run.ContainerIri);
            run.AnnotationIri = Id(run.Container.Body!["first"]!["items"]![0])!;
            run.Annotation = await run.GetAsync(run.AnnotationIri);

            // The page's own annotation, but for its target: an annotation here is of a passage of one of our articles.
            var created = W3CAnnotations.Of("هدنة في حلب");
            created["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = "I like this page!" };
            created["canonical"] = run.Canonical;
            run.Created = await run.SendAsync(HttpMethod.Post, run.ContainerIri, created);
            return run;
        }

        public Task<Answer> GetAsync(string iri) => SendAsync(HttpMethod.Get, iri);

        public async Task<Answer> SendAsync(HttpMethod method, string iri, JsonNode? content = null, EntityTagHeaderValue? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, iri);
            if (content is not null)
            {
                request.Content = new StringContent(content.ToJsonString(), Encoding.UTF8, W3CAnnotations.MediaType);
            }

            if (ifMatch is not null)
            {
                request.Headers.IfMatch.Add(ifMatch);
            }

            using var response = await http.SendAsync(request);
            return await Answer.ReadAsync(response);
        }

        /// <summary>The page PUTs the created annotation back with another target and expects that target in the answer.
        /// Here the new target is another passage of the article, and the PUT carries the ETag in If-Match: this server
        /// refuses a PUT without one (428), so that an update never overwrites a newer version unseen.</summary>
        public async Task<bool> UpdateChangesTargetAsync()
        {
            var changed = Created.Body!.DeepClone();
            changed["target"] = W3CAnnotations.Of("جان مارك ايرولت")["target"]!.DeepClone();
            var updated = await SendAsync(HttpMethod.Put, Id(Created.Body)!, changed, EntityTagHeaderValue.Parse(Created.Header("ETag")!));
            return updated.Status == HttpStatusCode.OK
                && updated.Body?["target"]?["selector"]?[1]?["exact"]?.GetValue<string>() == "جان مارك ايرولت"
                && (await GetAsync(Id(Created.Body)!)).Body?["target"]?["selector"]?[0]?["start"]?.GetValue<int>() == changed["target"]!["selector"]![0]!["start"]!.GetValue<int>();
        }

        /// <summary>Fills the container past one page in one request, through the import of a JSON-LD list.</summary>
        private async Task FillContainerAsync(int article, int count)
        {
            var body = W3CAnnotations.SeedBody;
            var items = new JsonArray();
            for (var start = 0; items.Count < count; start += 3)
            {
                if (!char.IsWhiteSpace(body[start]) && !char.IsWhiteSpace(body[start + 1]))
                {
                    var annotation = W3CAnnotations.Of(body.Substring(start, 2));
                    annotation["target"]!["selector"]![0]!["start"] = start;
                    annotation["target"]!["selector"]![0]!["end"] = start + 2;
                    annotation["target"]!["source"] = new Uri(http.BaseAddress!, $"/articles/{article}").ToString();
                    items.Add(annotation);
                }
            }

            using var imported = await http.PostAsync(new Uri("/api/annotations/import", UriKind.Relative), new StringContent(items.ToJsonString(), Encoding.UTF8, W3CAnnotations.MediaType));
            imported.EnsureSuccessStatusCode();
        }
    }
}
