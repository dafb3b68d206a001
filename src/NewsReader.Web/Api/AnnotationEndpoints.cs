using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;
using NewsReader.Data.Articles;
using NewsReader.Web.Accounts;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Api;

/// <summary>The W3C Web Annotation protocol's essentials: list an article's annotations as an
/// AnnotationCollection, create one, replace one (with If-Match on its ETag) and delete one.</summary>
internal static class AnnotationEndpoints
{
    /// <summary>Larger request bodies are refused as they are read: a comment is at most 10,000 characters.</summary>
    private const long MaxRequestBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapAnnotationEndpoints(this IEndpointRouteBuilder app)
    {
        // An article's annotations are a W3C container at /api/articles/{id}/annotations/ (also answered without the
        // slash); each annotation's IRI is under it, and the older /api/annotations/{id} keeps answering for existing
        // clients. Reading is open to everyone (each sees their own annotations and the shared ones); writing needs an account.
        const string container = "/api/articles/{id}/annotations";
        string[] annotationIris = ["/api/articles/{articleId}/annotations/{id}", "/api/annotations/{id}"];
        app.MapMethods(container, [HttpMethods.Get, HttpMethods.Head], ListAsync).WithTags("Annotations")
            .WithName("ListAnnotations").WithSummary("An article's annotations the reader may see, as a W3C AnnotationCollection (or one page of it with ?page=N)");
        app.MapMethods(container, [HttpMethods.Options], (HttpResponse response) => Options(response, AnnotationProtocol.ContainerHeaders)).WithTags("Annotations")
            .WithName("AnnotationContainerOptions").WithSummary("What the annotation container allows");
        var own = app.MapGroup("/api").WithTags("Annotations").RequireAuthorization();
        var writes = own.MapGroup("").RequireRateLimiting(SecurityHosting.WritePolicy).WithApiWriteRules();
        writes.MapPost("/articles/{id}/annotations", CreateAsync).WithBodyLimit(MaxRequestBytes)
            .WithName("CreateAnnotation").WithSummary("Creates a W3C annotation of a passage");
        foreach (var (iri, suffix) in annotationIris.Zip(["", "ById"]))
        {
            app.MapMethods(iri, [HttpMethods.Get, HttpMethods.Head], GetAsync).WithTags("Annotations")
                .WithName("GetAnnotation" + suffix).WithSummary("One annotation the reader may see (the IRI a creation's Location names), as W3C JSON-LD");
            app.MapMethods(iri, [HttpMethods.Options], (HttpResponse response) => Options(response, r => AnnotationProtocol.AnnotationHeaders(r))).WithTags("Annotations")
                .WithName("AnnotationOptions" + suffix).WithSummary("What an annotation allows");
            writes.MapPut(iri["/api".Length..], ReplaceAsync).WithBodyLimit(MaxRequestBytes)
                .WithName("ReplaceAnnotation" + suffix).WithSummary("Replaces an annotation, if it is still the version If-Match names");
            writes.MapDelete(iri["/api".Length..], DeleteAsync).WithName("DeleteAnnotation" + suffix).WithSummary("Deletes an annotation");
            writes.MapPost(iri["/api".Length..] + "/share", (string id, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken) =>
                ShareAsync(id, shared: true, http, user, annotations, cancellationToken)).WithName("ShareAnnotation" + suffix).WithSummary("Shows an annotation to every reader");
            writes.MapDelete(iri["/api".Length..] + "/share", (string id, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken) =>
                ShareAsync(id, shared: false, http, user, annotations, cancellationToken)).WithName("UnshareAnnotation" + suffix).WithSummary("Makes an annotation private again");
        }

        writes.MapPost("/annotations/import", ImportAsync).DisableAntiforgery().WithMetadata(new TakesFiles()).WithBodyLimit(AnnotationFiles.MaxImportBytes)
            .WithName("ImportAnnotations").WithSummary("Imports W3C annotations (JSON-LD), each re-anchored in its article");
        own.MapGet("/articles/{id}/annotations/export", ExportArticleAsync)
            .WithName("ExportArticleAnnotations").WithSummary("The reader's annotations of an article as JSON-LD or Markdown");
        own.MapGet("/annotations/export", ExportAllAsync).WithName("ExportAnnotations").WithSummary("All the reader's annotations as JSON-LD or Markdown");
        return app;
    }

    private static Ok Options(HttpResponse response, Action<HttpResponse> headers)
    {
        headers(response);
        return TypedResults.Ok();
    }

    private static async Task<IResult> ExportArticleAsync(
        string id, string? format, HttpContext http, ClaimsPrincipal user, ArticleStore articles, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var article = int.TryParse(id, out var articleId) ? await articles.FindAsync(articleId, cancellationToken) : null;
        if (article is null)
        {
            return Problems.ArticleNotFound(id);
        }

        var list = await annotations.ListAsync(articleId, user.ReaderId()!, cancellationToken);
        return Export([ArticleAnnotations.Of(article, list)], format, articleId, http);
    }

    private static async Task<IResult> ExportAllAsync(string? format, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken) =>
        Export(await annotations.ListByArticleAsync(user.ReaderId()!, cancellationToken), format, null, http);

    private static IResult Export(IReadOnlyList<ArticleAnnotations> groups, string? format, int? articleId, HttpContext http) => format switch
    {
        null or "jsonld" => Results.File(
            Encoding.UTF8.GetBytes(AnnotationFiles.ToJsonLd(groups, Site(http), new Uri(http.Request.GetEncodedUrl())).ToJsonString()),
            WebAnnotations.MediaType, AnnotationFiles.FileName(articleId, ".jsonld")),
        "markdown" => Results.File(
            Encoding.UTF8.GetBytes(AnnotationFiles.ToMarkdown(groups, Site(http))), "text/markdown; charset=utf-8", AnnotationFiles.FileName(articleId, ".md")),
        _ => Problems.BadRequest("Unknown format", $"format must be jsonld or markdown; not '{format}'."),
    };

    private static async Task<IResult> ImportAsync(HttpContext http, ClaimsPrincipal user, AnnotationFiles files, CancellationToken cancellationToken)
    {
        var report = await files.ImportAsync(http.Request.Body, user.ReaderId()!, cancellationToken);
        return report.Imported == 0 && report.Duplicates == 0 && report.Failures.Count > 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Nothing imported", detail: string.Join(" ", report.Failures),
                extensions: new Dictionary<string, object?> { ["failures"] = report.Failures })
            : TypedResults.Ok(report);
    }

    private static async Task<IResult> ListAsync(
        string id, int? page, HttpContext http, ClaimsPrincipal user, ArticleStore articles, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var articleId) || await articles.FindAsync(articleId, cancellationToken) is null)
        {
            return Problems.ArticleNotFound(id);
        }

        var list = await annotations.ListVisibleAsync(articleId, user.ReaderId(), cancellationToken);
        var site = Site(http);
        var self = AnnotationProtocol.ContainerIri(site, articleId);
        AnnotationProtocol.ContainerHeaders(http.Response);
        http.Response.Headers.ETag = AnnotationProtocol.ETag(list);
        if (page is { } number)
        {
            var json = AnnotationPages.Page(list, site, self, number);
            if (json is null)
            {
                return Problems.NotFound("No such page", $"The annotations of article {articleId} have pages 0 to {AnnotationPages.LastPage(list.Count)}.");
            }

            http.Response.Headers.ContentLocation = AnnotationPages.PageIri(self, number);
            return JsonLd(json);
        }

        var preference = AnnotationPages.Preference(http.Request.Headers["Prefer"]);
        if (http.Request.Headers.ContainsKey("Prefer"))
        {
            http.Response.Headers["Preference-Applied"] = "return=representation";
        }

        http.Response.Headers.ContentLocation = self.ToString();
        return JsonLd(AnnotationPages.Collection(list, site, self, preference));
    }

    /// <summary>An annotation at its own IRI: the reader's own or a shared one, with its ETag for a later PUT; another
    /// reader's private annotation is not found, as if it did not exist.</summary>
    private static async Task<IResult> GetAsync(string id, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var visible = Guid.TryParse(id, out var annotationId) ? await annotations.FindVisibleAsync(annotationId, user.ReaderId(), cancellationToken) : null;
        if (visible is null || !AnnotationProtocol.InContainer(http, visible))
        {
            return NotFound(id);
        }

        AnnotationProtocol.AnnotationHeaders(http.Response, visible);
        return JsonLd(WebAnnotations.ToJson(visible, Site(http)));
    }

    private static async Task<IResult> CreateAsync(
        string id, HttpContext http, ClaimsPrincipal user, ArticleStore articles, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var article = int.TryParse(id, out var articleId) ? await articles.FindAsync(articleId, cancellationToken) : null;
        if (article is null)
        {
            return Problems.ArticleNotFound(id);
        }

        var (json, problem) = await ReadJsonAsync(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (draft, invalid) = WebAnnotations.Read(json, article.Body);
        if (draft is null)
        {
            return Problems.BadRequest("Invalid annotation", invalid!);
        }

        try
        {
            var created = await annotations.CreateAsync(articleId, user.ReaderId()!, draft, cancellationToken);
            AnnotationProtocol.AnnotationHeaders(http.Response, created);
            var location = AnnotationProtocol.AnnotationIri(Site(http), created);
            var body = Results.Text(WebAnnotations.ToJson(created, Site(http)).ToJsonString(), WebAnnotations.MediaType, statusCode: StatusCodes.Status201Created);
            return new CreatedJsonLd(location, body);
        }
        catch (InvalidAnnotationException e)
        {
            return Problems.BadRequest("Invalid annotation", e.Message);
        }
    }

    private static async Task<IResult> ReplaceAsync(
        string id, HttpContext http, ClaimsPrincipal user, ArticleStore articles, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var (existing, refused) = await OwnAsync(id, http, user, annotations, cancellationToken);
        if (existing is null)
        {
            return refused!;
        }

        var annotationId = existing.Id;

        if (!http.Request.Headers.TryGetValue(HeaderNames.IfMatch, out var ifMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
                detail: "Send the annotation's ETag in If-Match, so that a newer version is never overwritten.");
        }

        var (json, problem) = await ReadJsonAsync(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var article = (await articles.FindAsync(existing.ArticleId, cancellationToken))!;
        var (draft, invalid) = WebAnnotations.Read(json, article.Body);
        if (draft is null)
        {
            return Problems.BadRequest("Invalid annotation", invalid!);
        }

        if (ifMatch.ToString() != AnnotationProtocol.ETag(existing))
        {
            return Conflict(existing, http);
        }

        try
        {
            var updated = await annotations.UpdateAsync(annotationId, existing.OwnerId, existing.Version, draft, cancellationToken);
            AnnotationProtocol.AnnotationHeaders(http.Response, updated);
            return JsonLd(WebAnnotations.ToJson(updated, Site(http)));
        }
        catch (InvalidAnnotationException e)
        {
            return Problems.BadRequest("Invalid annotation", e.Message);
        }
        catch (AnnotationConflictException e)
        {
            return Conflict(e.Stored, http);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var (existing, refused) = await OwnAsync(id, http, user, annotations, cancellationToken);
        return existing is not null && await annotations.DeleteAsync(existing.Id, existing.OwnerId, cancellationToken) is not null
            ? TypedResults.NoContent()
            : refused ?? NotFound(id);
    }

    /// <summary>Shares an annotation with every reader, or makes it private again; only its owner can.</summary>
    private static async Task<IResult> ShareAsync(
        string id, bool shared, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var (existing, refused) = await OwnAsync(id, http, user, annotations, cancellationToken);
        return existing is not null && await annotations.SetSharedAsync(existing.Id, existing.OwnerId, shared, cancellationToken) is not null
            ? TypedResults.NoContent()
            : refused ?? NotFound(id);
    }

    /// <summary>The reader's own annotation; else 404 when they cannot see it (another reader's private one looks
    /// exactly like one that does not exist), or 403 when it is someone else's shared one.</summary>
    private static async Task<(Annotation? Own, IResult? Refused)> OwnAsync(
        string id, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var readerId = user.ReaderId();
        var visible = Guid.TryParse(id, out var annotationId) ? await annotations.FindVisibleAsync(annotationId, readerId, cancellationToken) : null;
        return visible switch
        {
            null => (null, NotFound(id)),
            _ when !AnnotationProtocol.InContainer(http, visible) => (null, NotFound(id)),
            _ when visible.OwnerId != readerId => (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your annotation",
                detail: "A shared annotation can be read by everyone and changed only by its author.")),
            _ => (visible, null),
        };
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("Annotation not found", $"There is no annotation '{id}'.");

    private static async Task<(JsonNode? Json, IResult? Problem)> ReadJsonAsync(HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("Invalid JSON", e.Message));
        }
    }

    private static ProblemHttpResult Conflict(Annotation stored, HttpContext http) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The annotation changed",
            detail: "Another save changed this annotation since you loaded it. Nothing was overwritten; compare the two versions.",
            extensions: new Dictionary<string, object?>
            {
                ["etag"] = AnnotationProtocol.ETag(stored),
                ["stored"] = WebAnnotations.ToJson(stored, Site(http)),
            });

    private static Uri Site(HttpContext http) => AnnotationProtocol.Site(http);

    private static IResult JsonLd(JsonObject json) => Results.Text(json.ToJsonString(), WebAnnotations.MediaType);

    /// <summary>201 Created with a Location header and a JSON-LD body.</summary>
    private sealed class CreatedJsonLd(Uri location, IResult body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location.ToString();
            return body.ExecuteAsync(httpContext);
        }
    }
}
