using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NewsReader.Web.Accounts;

namespace NewsReader.Web.Hosting;

/// <summary>Defences that do not depend on any page being written right: security headers with a
/// Content-Security-Policy that allows no inline script, cookie settings, and a rate limit on writes.</summary>
internal static class SecurityHosting
{
    /// <summary>The rate limiter policy of every endpoint that changes data.</summary>
    public const string WritePolicy = "writes";

    private const string NonceKey = "csp-nonce";

    public static void AddNewsReaderSecurity(this WebApplicationBuilder builder)
    {
        var writesPerMinute = builder.Configuration.GetValue("NewsReader:WritesPerMinute", 120);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPerAddressLimit(WritePolicy, writesPerMinute);
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: policy == WritePolicy ? "Too many changes" : "Too many attempts",
                        detail: policy == WritePolicy
                            ? $"At most {writesPerMinute} changes a minute are accepted from one address. Wait a minute and try again; nothing was saved."
                            : "Too many attempts from your address in a minute. Wait a minute and try again.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        builder.Services.AddSingleton<CircuitWrites>();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    /// <summary>A policy that lets each client address send <paramref name="perMinute"/> requests a minute that can change
    /// something; reading (a page with a form, say) is never counted.</summary>
    public static void AddPerAddressLimit(this RateLimiterOptions limiter, string policy, int perMinute) =>
        limiter.AddPolicy(policy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>A fresh nonce per response lets exactly the page's own import map run; every other script
    /// must come from this site as a file, and no attribute or injected element can run code.</summary>
    public static void UseNewsReaderSecurityHeaders(this WebApplication app) => app.Use(async (http, next) =>
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>An error without a body becomes problem details for the API (401 from a missing sign-in, say) and
    /// the not-found page for the browser.</summary>
    public static void UseNewsReaderStatusCodePages(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    /// <summary>The nonce of the current response, for the page's one inline script element (the import map).</summary>
    public static string? CspNonce(this HttpContext? http) => http?.Items[NonceKey] as string;
}
