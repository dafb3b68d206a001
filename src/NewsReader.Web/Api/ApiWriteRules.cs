using Microsoft.AspNetCore.Antiforgery;

namespace NewsReader.Web.Api;

/// <summary>Marks an endpoint that takes a file (multipart form or the file's own type) instead of JSON.</summary>
internal sealed record TakesFiles;

/// <summary>What every write of the JSON API must be, before it runs: a body in JSON (any other type is 415, so a
/// cross-site form, which can only send form or plain-text bodies, never reaches a handler), and, when the writer is
/// signed in by the cookie rather than a bearer token, the antiforgery token in its header: SameSite keeps other sites'
/// requests from carrying the cookie, but not a sibling subdomain's.</summary>
internal sealed class ApiWriteRules(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return await next(context);
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && !request.HasJsonContentType() && http.GetEndpoint()?.Metadata.GetMetadata<TakesFiles>() is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send JSON: Content-Type application/json (or application/ld+json for an annotation).");
        }

        var byCookie = http.User.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (byCookie && !await antiforgery.IsRequestValidAsync(http))
        {
            return Problems.BadRequest(
                "Antiforgery token missing",
                $"A write signed in by the cookie needs the antiforgery token: get it from GET /api/account/antiforgery and send it in the {HeaderName} header.");
        }

        return await next(context);
    }

    /// <summary>The header the token travels in (ASP.NET Core's default).</summary>
    public const string HeaderName = "RequestVerificationToken";
}

internal static class ApiWriteRulesExtensions
{
    /// <summary>Every write of this group follows <see cref="ApiWriteRules"/>.</summary>
    public static RouteGroupBuilder WithApiWriteRules(this RouteGroupBuilder group) => group.AddEndpointFilter<ApiWriteRules>();

    /// <summary>The antiforgery token for a client signed in by the cookie, tied to the reader it is signed in as.</summary>
    public static IEndpointRouteBuilder MapAntiforgeryToken(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/account/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.RequestToken!, tokens.HeaderName ?? ApiWriteRules.HeaderName));
        }).RequireAuthorization().WithTags("Accounts").WithName("GetAntiforgeryToken")
            .WithSummary("The antiforgery token that writes signed in by the cookie send in a header");
        return app;
    }
}

public sealed record AntiforgeryTokenResponse(string Token, string HeaderName);
