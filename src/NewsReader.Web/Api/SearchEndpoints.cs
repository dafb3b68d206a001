using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Core.Entities;
using NewsReader.Data.Search;

namespace NewsReader.Web.Api;

internal static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTags("Search");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        string? q, string? type, string? entity, int? page, int? pageSize, SearchService search, CancellationToken cancellationToken)
    {
        if (!EntityTypeParameter.TryParse(type, out var entityType))
        {
            return Problems.UnknownType(type);
        }

        var request = new SearchRequest(q, entityType, string.IsNullOrWhiteSpace(entity) ? null : entity, page ?? 1, pageSize ?? 10);
        if (request.Validate() is [var problem, ..])
        {
            return Problems.BadRequest("Invalid search", problem);
        }

        var result = await search.SearchAsync(request, cancellationToken);
        return TypedResults.Ok(SearchResponse.From(result));
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

public sealed record SearchResponse(int Total, IReadOnlyList<SearchItemResponse> Items)
{
    public static SearchResponse From(SearchResult result) =>
        new(result.Total, result.Items.Select(i => new SearchItemResponse(
            i.ArticleId,
            i.Title,
            i.PublishedAt,
            i.MentionCount,
            i.Snippets.Select(s => new SnippetResponse(s.Text, s.Highlights.Select(h => new HighlightResponse(h.Start, h.Length)).ToList())).ToList()))
            .ToList());
}
