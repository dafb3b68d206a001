using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;

namespace NewsReader.Web.Api;

internal static class EntityEndpoints
{
    public static IEndpointRouteBuilder MapEntityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles/{id}/mentions", MentionsAsync).WithTags("Entities")
            .WithName("ListMentions").WithSummary("The people, places and organizations an article mentions, with their offsets");
        var entities = app.MapGroup("/api/entities").WithTags("Entities");
        entities.MapGet("/", SearchAsync).WithName("SearchEntities").WithSummary("Entities whose name or spelling begins with the query");
        entities.MapGet("/{key}", GetAsync).WithName("GetEntity").WithSummary("An entity with its spellings and counts");
        return app;
    }

    private static async Task<Results<Ok<IEnumerable<MentionResponse>>, ProblemHttpResult>> MentionsAsync(
        string id, ArticleStore articles, EntityStore entities, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var articleId) || await articles.FindAsync(articleId, cancellationToken) is null)
        {
            return Problems.ArticleNotFound(id);
        }

        var mentions = await entities.MentionsOfArticleAsync(articleId, cancellationToken);
        return TypedResults.Ok(mentions.Select(MentionResponse.From));
    }

    private static async Task<Results<Ok<IEnumerable<EntityResponse>>, ProblemHttpResult>> SearchAsync(
        string? q, string? type, EntityStore entities, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.BadRequest("Empty query", "Give a name or spelling to look for in q, such as q=aleppo or q=حلب.");
        }

        if (q.Length > EntityStore.MaxQueryLength)
        {
            return Problems.BadRequest("Query too long", $"The query may have at most {EntityStore.MaxQueryLength} characters.");
        }

        if (!EntityTypeParameter.TryParse(type, out var entityType))
        {
            return Problems.UnknownType(type);
        }

        var found = await entities.SearchAsync(q, entityType, cancellationToken: cancellationToken);
        return TypedResults.Ok(found.Select(EntityResponse.From));
    }

    private static async Task<Results<Ok<EntityResponse>, ProblemHttpResult>> GetAsync(
        string key, EntityStore entities, CancellationToken cancellationToken) =>
        await entities.FindAsync(key, cancellationToken) is { } entity
            ? TypedResults.Ok(EntityResponse.From(entity))
            : Problems.EntityNotFound(key);
}
