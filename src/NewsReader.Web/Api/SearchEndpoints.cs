using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Core.Entities;
using NewsReader.Data.Search;
using NewsReader.Web.Accounts;

namespace NewsReader.Web.Api;

internal static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTags("Search")
            .WithName("SearchArticles").WithSummary("Articles by words, an entity or both, most relevant first, with snippets");
        app.MapGet("/api/search/annotations", SearchAnnotationsAsync).WithTags("Search").RequireAuthorization()
            .WithName("SearchAnnotations").WithSummary("The reader's own annotations by words, tags or entities");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        string? q, string? type, string? entity, string? with, int? page, int? pageSize, SearchService search, CancellationToken cancellationToken)
    {
        var (request, problem) = Read(q, type, entity, page, pageSize, with);
        return request is null ? problem! : TypedResults.Ok(SearchResponse.From(await search.SearchAsync(request, cancellationToken)));
    }

    /// <summary>The reader's own annotations that match, with the same parameters and rules as the article search.</summary>
    private static async Task<Results<Ok<AnnotationSearchResponse>, ProblemHttpResult>> SearchAnnotationsAsync(
        string? q, string? type, string? entity, int? page, int? pageSize, ClaimsPrincipal user, AnnotationSearch search, CancellationToken cancellationToken)
    {
        var (request, problem) = Read(q, type, entity, page, pageSize);
        return request is null
            ? problem!
            : TypedResults.Ok(AnnotationSearchResponse.From(await search.SearchAsync(request, user.ReaderId()!, cancellationToken)));
    }

    private static (SearchRequest? Request, ProblemHttpResult? Problem) Read(
        string? q, string? type, string? entity, int? page, int? pageSize, string? with = null)
    {
        if (!EntityTypeParameter.TryParse(type, out var entityType))
        {
            return (null, Problems.UnknownType(type));
        }

        var request = new SearchRequest(
            q, entityType, string.IsNullOrWhiteSpace(entity) ? null : entity, page ?? 1, pageSize ?? 10, string.IsNullOrWhiteSpace(with) ? null : with.Trim());
        return request.Validate() is [var problem, ..] ? (null, Problems.BadRequest("Invalid search", problem)) : (request, null);
    }
}

internal static class EntityTypeParameter
{
    /// <summary>Reads person, place or organization (any case); an absent value is no type.</summary>
    public static bool TryParse(string? value, out EntityType? type)
    {
        type = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (Enum.TryParse<EntityType>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            type = parsed;
            return true;
        }

        return false;
    }
}

public sealed record HighlightResponse(int Start, int Length);

public sealed record SnippetResponse(string Text, IReadOnlyList<HighlightResponse> Highlights);

public sealed record SearchItemResponse(
    int ArticleId, string Title, DateTimeOffset PublishedAt, int MentionCount, IReadOnlyList<SnippetResponse> Snippets);

/// <summary>A page of results. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; otherwise more articles match
/// than it says (<see cref="SearchOptions.ExactTotalUpTo"/>), and they were not counted.</summary>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchItemResponse> Items, bool TotalIsExact)
{
    public static SearchResponse From(SearchResult result) =>
        new(result.Total, result.Items.Select(i => new SearchItemResponse(
            i.ArticleId,
            i.Title,
            i.PublishedAt,
            i.MentionCount,
            i.Snippets.Select(s => new SnippetResponse(s.Text, s.Highlights.Select(h => new HighlightResponse(h.Start, h.Length)).ToList())).ToList()))
            .ToList(),
            result.TotalIsExact);
}

public sealed record AnnotationSearchItemResponse(
    Guid Id, int ArticleId, string ArticleTitle, string Exact, string? Comment, IReadOnlyList<string> Tags, IReadOnlyList<string> EntityKeys,
    IReadOnlyList<HighlightResponse> Highlights);

public sealed record AnnotationSearchResponse(int Total, IReadOnlyList<AnnotationSearchItemResponse> Items)
{
    public static AnnotationSearchResponse From(AnnotationSearchResult result) =>
        new(result.Total, result.Items.Select(h => new AnnotationSearchItemResponse(
            h.Annotation.Id,
            h.Annotation.ArticleId,
            h.ArticleTitle,
            h.Annotation.Exact,
            h.Annotation.Comment,
            h.Annotation.Tags,
            h.Annotation.EntityKeys,
            h.QuoteHighlights.Select(s => new HighlightResponse(s.Start, s.Length)).ToList())).ToList());
}
