using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace NewsReader.Web.Hosting;

/// <summary>Request bodies are bounded as they are read, chunked or not: Kestrel counts the bytes against a limit per
/// endpoint (<see cref="WithBodyLimit{TBuilder}"/>, set by routing), 64 KiB where an endpoint names none, and a body that
/// goes past it ends in 413 with problem details before anything is stored.</summary>
internal static class RequestLimitsHosting
{
    /// <summary>Enough for every JSON body of the API (an account, a feed, a list of ids).</summary>
    public const long DefaultBodyBytes = 64 * 1024;

    public static void AddNewsReaderRequestLimits(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = DefaultBodyBytes);

    /// <summary>This endpoint's body may be up to <paramref name="bytes"/> long.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequestSizeLimitAttribute(bytes));

    /// <summary>Turns Kestrel's "request body too large" into a 413 that says the limit. A circuit's messages, which
    /// come as request bodies when a browser falls back to long polling, get the circuit's own limit.</summary>
    public static void UseNewsReaderRequestLimits(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/_blazor", StringComparison.Ordinal)
            && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } circuit)
        {
            circuit.MaxRequestBodySize = UiHosting.MaxCircuitMessageBytes;
        }

        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
        {
            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? DefaultBodyBytes;
            http.Response.Clear();
            await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request too large",
                    detail: $"This request's body may be at most {Size(limit)}; nothing was saved.")
                .ExecuteAsync(http);
        }
    });

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes / 1024} KiB";
}
