using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;

namespace NewsReader.Web.Api;

/// <summary>The W3C Web Annotation Protocol's addresses and headers: an article's annotations are an LDP basic
/// container whose IRI ends in a slash, and each annotation's IRI is under it.</summary>
internal static class AnnotationProtocol
{
    public const string ContainerAllow = "GET, HEAD, OPTIONS, POST";
    public const string AnnotationAllow = "GET, HEAD, OPTIONS, PUT, DELETE";

    private const string ContainerLinks =
        "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\", <http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";

    private const string AnnotationLinks = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"";

    public static Uri Site(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    public static Uri ContainerIri(Uri site, int articleId) => new(site, $"api/articles/{articleId}/annotations/");

    public static Uri AnnotationIri(Uri site, Annotation annotation) => new(ContainerIri(site, annotation.ArticleId), annotation.Id.ToString());

    public static string ETag(Annotation annotation) => $"\"{annotation.Id:N}-{annotation.Version}\"";

    /// <summary>The container's ETag changes whenever one of the annotations it lists is added, removed or changed.</summary>
    public static string ETag(IEnumerable<VisibleAnnotation> annotations)
    {
        var versions = new StringBuilder();
        foreach (var visible in annotations)
        {
            versions.Append(CultureInfo.InvariantCulture, $"{visible.Annotation.Id:N}.{visible.Annotation.Version}.{visible.Annotation.Shared};");
        }

        return $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(versions.ToString())))[..32]}\"";
    }

    /// <summary>The headers of every answer about a container: what it allows, its type and constraints, and what a
    /// representation depends on.</summary>
    public static void ContainerHeaders(HttpResponse response)
    {
        response.Headers.Allow = ContainerAllow;
        response.Headers.Link = ContainerLinks;
        response.Headers["Accept-Post"] = WebAnnotations.MediaType;
        response.Headers.Vary = "Accept, Prefer";
    }

    public static void AnnotationHeaders(HttpResponse response, Annotation? annotation = null)
    {
        response.Headers.Allow = AnnotationAllow;
        response.Headers.Link = AnnotationLinks;
        response.Headers.Vary = HeaderNames.Accept;
        if (annotation is not null)
        {
            response.Headers.ETag = ETag(annotation);
        }
    }

    /// <summary>The article that the request's IRI puts the annotation under, if it names one.</summary>
    public static bool InContainer(HttpContext http, Annotation annotation) =>
        http.Request.RouteValues["articleId"] is not string articleId
        || articleId == annotation.ArticleId.ToString(CultureInfo.InvariantCulture);
}
