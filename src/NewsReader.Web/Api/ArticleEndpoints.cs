using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Data.Articles;
using NewsReader.Data.Reading;
using NewsReader.Web.Accounts;
using NewsReader.Web.Articles;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Api;

internal static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles.MapGet("/", ListAsync).WithName("ListArticles").WithSummary("A page of articles, newest first, with filters");
        articles.MapGet("/{id}", GetAsync).WithName("GetArticle").WithSummary("An article with its text");
        articles.MapDelete("/{id}", DeleteAsync).WithName("DeleteArticle").WithSummary("Deletes an article with its mentions and annotations")
            .RequireAuthorization(AccountHosting.EditorPolicy).RequireRateLimiting(SecurityHosting.WritePolicy).AddEndpointFilter<ApiWriteRules>();

        var reading = articles.MapGroup("").RequireAuthorization().RequireRateLimiting(SecurityHosting.WritePolicy).WithApiWriteRules();
        reading.MapPut("/{id}/read", (string id, ClaimsPrincipal user, ReadingStore store, CancellationToken cancellationToken) =>
            MarkAsync(id, read: true, user, store, cancellationToken)).WithName("MarkArticleRead").WithSummary("Marks an article read for the reader");
        reading.MapDelete("/{id}/read", (string id, ClaimsPrincipal user, ReadingStore store, CancellationToken cancellationToken) =>
            MarkAsync(id, read: false, user, store, cancellationToken)).WithName("MarkArticleUnread").WithSummary("Marks an article unread for the reader");
        reading.MapPost("/read", MarkManyReadAsync).WithName("MarkArticlesRead").WithSummary("Marks a page of articles read");
        reading.MapPut("/{id}/saved", (string id, ClaimsPrincipal user, ReadingStore store, CancellationToken cancellationToken) =>
            SaveAsync(id, saved: true, user, store, cancellationToken)).WithName("SaveArticle").WithSummary("Keeps an article to read later");
        reading.MapDelete("/{id}/saved", (string id, ClaimsPrincipal user, ReadingStore store, CancellationToken cancellationToken) =>
            SaveAsync(id, saved: false, user, store, cancellationToken)).WithName("UnsaveArticle").WithSummary("Takes an article off the reader's list");
        return app;
    }

    /// <summary>A page of articles, newest first, with filters; <c>next</c> is the cursor of the following page.</summary>
    private static async Task<Results<Ok<ArticlePageResponse>, ProblemHttpResult>> ListAsync(
        [AsParameters] ArticleListParameters parameters, ClaimsPrincipal user, ArticleStore store, CancellationToken cancellationToken)
    {
        var (query, problem) = parameters.Read(user.ReaderId());
        if (query is null)
        {
            return Problems.BadRequest("Invalid article list", problem!);
        }

        return TypedResults.Ok(ArticlePageResponse.From(await store.PageAsync(query, cancellationToken)));
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

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkAsync(
        string id, bool read, ClaimsPrincipal user, ReadingStore store, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var articleId))
        {
            return Problems.ArticleNotFound(id);
        }

        if (read)
        {
            return await store.MarkReadAsync(user.ReaderId()!, [articleId], cancellationToken) == 1
                ? TypedResults.NoContent()
                : Problems.ArticleNotFound(id);
        }

        await store.MarkUnreadAsync(user.ReaderId()!, articleId, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Marks a page of articles read at once (the front page's "Mark all read").</summary>
    private static async Task<Results<Ok<MarkedResponse>, ProblemHttpResult>> MarkManyReadAsync(
        MarkReadRequest? request, ClaimsPrincipal user, ReadingStore store, CancellationToken cancellationToken)
    {
        if (request?.Ids is not { Count: > 0 } ids || ids.Count > ReadingStore.MaxBatch)
        {
            return Problems.BadRequest("Invalid list", $"Send {{\"ids\": [...]}} with from 1 to {ReadingStore.MaxBatch} article ids.");
        }

        return TypedResults.Ok(new MarkedResponse(await store.MarkReadAsync(user.ReaderId()!, ids, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SaveAsync(
        string id, bool saved, ClaimsPrincipal user, ReadingStore store, CancellationToken cancellationToken) =>
        int.TryParse(id, out var articleId) && await store.SetSavedAsync(user.ReaderId()!, articleId, saved, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.ArticleNotFound(id);
}

internal sealed record MarkReadRequest(IReadOnlyList<int>? Ids);

internal sealed record MarkedResponse(int Marked);
