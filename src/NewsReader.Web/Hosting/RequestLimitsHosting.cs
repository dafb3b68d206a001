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

    /// <summary>Kestrel's own default limit: a refused body up to this long is read and discarded.</summary>
    private const long DrainBytes = 30_000_000;

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

        // A body that says it is too long is refused before a byte of it is read. Kestrel then discards what the client
        // is still sending (for a few seconds at most) instead of closing the connection under it, so that the client
        // hears why; past Kestrel's own default of 30 MB it closes the connection.
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var limit = feature?.MaxRequestBodySize;
        if (limit is { } max && http.Request.ContentLength > max)
        {
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = Math.Max(max, DrainBytes);
            }

            await TooLargeAsync(http, max);
            return;
        }

        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
        {
            http.Response.Clear();
            await TooLargeAsync(http, limit ?? DefaultBodyBytes);
        }
    });

    private static Task TooLargeAsync(HttpContext http, long limit) =>
        Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request too large",
                detail: $"This request's body may be at most {Size(limit)}; nothing was saved.")
            .ExecuteAsync(http);

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes / 1024} KiB";
}
