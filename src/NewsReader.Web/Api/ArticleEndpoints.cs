using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Data.Articles;
using NewsReader.Web.Accounts;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Api;

internal static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles.MapGet("/", ListAsync);
        articles.MapGet("/{id}", GetAsync);
        articles.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AccountHosting.EditorPolicy).RequireRateLimiting(SecurityHosting.WritePolicy);
        return app;
    }

    private static async Task<Ok<IEnumerable<ArticleSummaryResponse>>> ListAsync(
        ArticleStore store, CancellationToken cancellationToken)
    {
        var articles = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(articles.Select(ArticleSummaryResponse.From));
    }

    // The id is taken as text so that a malformed one gets the same problem details as an unknown one.
    private static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetAsync(
        string id, ArticleStore store, CancellationToken cancellationToken)
    {
        var article = int.TryParse(id, out var number) ? await store.FindAsync(number, cancellationToken) : null;
        return article is null
            ? Problems.ArticleNotFound(id)
            : TypedResults.Ok(ArticleResponse.From(article));
    }

    /// <summary>Deletes an article with its mentions, annotations and search entry.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ArticleStore store, CancellationToken cancellationToken) =>
        int.TryParse(id, out var number) && await store.DeleteAsync(number, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.ArticleNotFound(id);
}
