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
        // Reading is open to everyone (each sees their own annotations and the shared ones); the rest needs an account.
        app.MapGet("/api/articles/{id}/annotations", ListAsync).WithTags("Annotations")
            .WithName("ListAnnotations").WithSummary("An article's annotations the reader may see, as a W3C AnnotationCollection");
        app.MapGet("/api/annotations/{id}", GetAsync).WithTags("Annotations")
            .WithName("GetAnnotation").WithSummary("One annotation the reader may see (the IRI a creation's Location names), as W3C JSON-LD");
        var own = app.MapGroup("/api").WithTags("Annotations").RequireAuthorization();
        var writes = own.MapGroup("").RequireRateLimiting(SecurityHosting.WritePolicy).WithApiWriteRules();
        writes.MapPost("/articles/{id}/annotations", CreateAsync).WithBodyLimit(MaxRequestBytes)
            .WithName("CreateAnnotation").WithSummary("Creates a W3C annotation of a passage");
        writes.MapPut("/annotations/{id}", ReplaceAsync).WithBodyLimit(MaxRequestBytes)
            .WithName("ReplaceAnnotation").WithSummary("Replaces an annotation, if it is still the version If-Match names");
        writes.MapDelete("/annotations/{id}", DeleteAsync).WithName("DeleteAnnotation").WithSummary("Deletes an annotation");
        writes.MapPost("/annotations/{id}/share", (string id, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken) =>
            ShareAsync(id, shared: true, user, annotations, cancellationToken)).WithName("ShareAnnotation").WithSummary("Shows an annotation to every reader");
        writes.MapDelete("/annotations/{id}/share", (string id, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken) =>
            ShareAsync(id, shared: false, user, annotations, cancellationToken)).WithName("UnshareAnnotation").WithSummary("Makes an annotation private again");
        writes.MapPost("/annotations/import", ImportAsync).DisableAntiforgery().WithMetadata(new TakesFiles()).WithBodyLimit(AnnotationFiles.MaxImportBytes)
            .WithName("ImportAnnotations").WithSummary("Imports W3C annotations (JSON-LD), each re-anchored in its article");
        own.MapGet("/articles/{id}/annotations/export", ExportArticleAsync)
            .WithName("ExportArticleAnnotations").WithSummary("The reader's annotations of an article as JSON-LD or Markdown");
        own.MapGet("/annotations/export", ExportAllAsync).WithName("ExportAnnotations").WithSummary("All the reader's annotations as JSON-LD or Markdown");
        return app;
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
        string id, HttpContext http, ClaimsPrincipal user, ArticleStore articles, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var articleId) || await articles.FindAsync(articleId, cancellationToken) is null)
        {
            return Problems.ArticleNotFound(id);
        }

        var list = await annotations.ListVisibleAsync(articleId, user.ReaderId(), cancellationToken);
        var self = new Uri(Site(http), $"api/articles/{articleId}/annotations");
        return JsonLd(WebAnnotations.Collection(list, Site(http), self));
    }

    /// <summary>An annotation at its own IRI: the reader's own or a shared one, with its ETag for a later PUT; another
    /// reader's private annotation is not found, as if it did not exist.</summary>
    private static async Task<IResult> GetAsync(string id, HttpContext http, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var visible = Guid.TryParse(id, out var annotationId) ? await annotations.FindVisibleAsync(annotationId, user.ReaderId(), cancellationToken) : null;
        if (visible is null)
        {
            return NotFound(id);
        }

        http.Response.Headers.ETag = ETag(visible);
        http.Response.Headers.Vary = HeaderNames.Accept;
        http.Response.Headers.Link = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"";
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
            http.Response.Headers.ETag = ETag(created);
            var location = new Uri(Site(http), $"api/annotations/{created.Id}");
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
        var (existing, refused) = await OwnAsync(id, user, annotations, cancellationToken);
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

        if (ifMatch.ToString() != ETag(existing))
        {
            return Conflict(existing, http);
        }

        try
        {
            var updated = await annotations.UpdateAsync(annotationId, existing.OwnerId, existing.Version, draft, cancellationToken);
            http.Response.Headers.ETag = ETag(updated);
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

    private static async Task<IResult> DeleteAsync(string id, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var (existing, refused) = await OwnAsync(id, user, annotations, cancellationToken);
        return existing is not null && await annotations.DeleteAsync(existing.Id, existing.OwnerId, cancellationToken) is not null
            ? TypedResults.NoContent()
            : refused ?? NotFound(id);
    }

    /// <summary>Shares an annotation with every reader, or makes it private again; only its owner can.</summary>
    private static async Task<IResult> ShareAsync(string id, bool shared, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var (existing, refused) = await OwnAsync(id, user, annotations, cancellationToken);
        return existing is not null && await annotations.SetSharedAsync(existing.Id, existing.OwnerId, shared, cancellationToken) is not null
            ? TypedResults.NoContent()
            : refused ?? NotFound(id);
    }

    /// <summary>The reader's own annotation; else 404 when they cannot see it (another reader's private one looks
    /// exactly like one that does not exist), or 403 when it is someone else's shared one.</summary>
    private static async Task<(Annotation? Own, IResult? Refused)> OwnAsync(string id, ClaimsPrincipal user, AnnotationStore annotations, CancellationToken cancellationToken)
    {
        var readerId = user.ReaderId();
        var visible = Guid.TryParse(id, out var annotationId) ? await annotations.FindVisibleAsync(annotationId, readerId, cancellationToken) : null;
        return visible switch
        {
            null => (null, NotFound(id)),
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
                ["etag"] = ETag(stored),
                ["stored"] = WebAnnotations.ToJson(stored, Site(http)),
            });

    private static string ETag(Annotation annotation) => $"\"{annotation.Id:N}-{annotation.Version}\"";

    private static Uri Site(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

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
