using System.Text.Json.Nodes;
using NewsReader.Data.Annotations;

namespace NewsReader.Web.Api;

/// <summary>How much of a container a client asked for (the protocol's <c>Prefer</c> header).</summary>
internal enum ContainerPreference
{
    /// <summary>The first page embedded, with every annotation described in full.</summary>
    ContainedDescriptions,

    /// <summary>The first page embedded, its items only the annotations' IRIs.</summary>
    ContainedIris,

    /// <summary>The container alone: its total and the IRIs of its first and last pages.</summary>
    Minimal,
}

/// <summary>An article's annotations as a W3C AnnotationCollection in pages of <see cref="PageSize"/>: each page names
/// the collection it is part of, and the pages before and after it.</summary>
internal static class AnnotationPages
{
    public const int PageSize = 100;

    private const string LdpContext = "http://www.w3.org/ns/ldp.jsonld";

    public static int LastPage(int total, int pageSize = PageSize) => Math.Max(0, (total - 1) / pageSize);

    public static ContainerPreference Preference(string? prefer) => prefer switch
    {
        null => ContainerPreference.ContainedDescriptions,
        _ when prefer.Contains("PreferMinimalContainer", StringComparison.Ordinal) => ContainerPreference.Minimal,
        _ when prefer.Contains("PreferContainedIRIs", StringComparison.Ordinal) => ContainerPreference.ContainedIris,
        _ => ContainerPreference.ContainedDescriptions,
    };

    /// <summary>A collection: the article's container (<paramref name="isContainer"/>), or an export file, which is one
    /// collection of a single page.</summary>
    public static JsonObject Collection(
        IReadOnlyList<VisibleAnnotation> annotations, Uri site, Uri id, ContainerPreference preference = ContainerPreference.ContainedDescriptions,
        bool isContainer = true)
    {
        var pageSize = isContainer ? PageSize : Math.Max(1, annotations.Count);
        var collection = new JsonObject
        {
            ["@context"] = isContainer ? new JsonArray(WebAnnotations.Context, LdpContext) : WebAnnotations.Context,
            ["id"] = id.ToString(),
            ["type"] = isContainer ? new JsonArray("BasicContainer", "AnnotationCollection") : "AnnotationCollection",
            ["total"] = annotations.Count,
        };
        collection["first"] = preference == ContainerPreference.Minimal
            ? PageIri(id, 0)
            : Page(annotations, site, id, 0, pageSize, embedded: true, iris: preference == ContainerPreference.ContainedIris);
        collection["last"] = PageIri(id, LastPage(annotations.Count, pageSize));
        return collection;
    }

    /// <summary>One page; null when there is no such page.</summary>
    public static JsonObject? Page(IReadOnlyList<VisibleAnnotation> annotations, Uri site, Uri collection, int page) =>
        page < 0 || page > LastPage(annotations.Count) ? null : Page(annotations, site, collection, page, PageSize, embedded: false, iris: false);

    public static string PageIri(Uri collection, int page) => $"{collection}{(collection.Query.Length == 0 ? "?" : "&")}page={page}";

    private static JsonObject Page(
        IReadOnlyList<VisibleAnnotation> annotations, Uri site, Uri collection, int page, int pageSize, bool embedded, bool iris)
    {
        var json = new JsonObject();
        if (!embedded)
        {
            json["@context"] = WebAnnotations.Context;
        }

        json["id"] = PageIri(collection, page);
        json["type"] = "AnnotationPage";
        if (!embedded)
        {
            json["partOf"] = new JsonObject { ["id"] = collection.ToString(), ["total"] = annotations.Count };
        }

        json["startIndex"] = page * pageSize;
        if (page > 0)
        {
            json["prev"] = PageIri(collection, page - 1);
        }

        if (page < LastPage(annotations.Count, pageSize))
        {
            json["next"] = PageIri(collection, page + 1);
        }

        json["items"] = new JsonArray(annotations.Skip(page * pageSize).Take(pageSize)
            .Select(a => iris
                ? (JsonNode)AnnotationProtocol.AnnotationIri(site, a.Annotation).ToString()
                : WebAnnotations.ToJson(a.Annotation, site, a.IsOwn ? null : a.AuthorName))
            .ToArray());
        return json;
    }
}
