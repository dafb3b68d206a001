using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsReader.Web.Api;

/// <summary>The problem-details answers the API gives, so each says what went wrong the same way.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult UnknownType(string? type) =>
        BadRequest("Unknown type", $"type must be one of person, place, organization; not '{type}'.");

    public static ProblemHttpResult EntityNotFound(string key) =>
        NotFound("Entity not found", $"There is no entity with id '{key}'.");

    public static ProblemHttpResult ArticleNotFound(string id) =>
        NotFound("Article not found", $"There is no article with id '{id}'.");
}
