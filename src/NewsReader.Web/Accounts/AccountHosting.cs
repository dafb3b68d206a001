using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsReader.Data;
using NewsReader.Data.Accounts;
using NewsReader.Web.Components.Account;
using NewsReader.Web.Hosting;

namespace NewsReader.Web.Accounts;

/// <summary>Readers' accounts: ASP.NET Core Identity over the app's own database, a cookie for the browser
/// and the JSON API, bearer tokens for scripts (<c>/api/account/login</c>), lockout after repeated failures,
/// and a rate limit on signing in.</summary>
internal static class AccountHosting
{
    public const string EditorPolicy = "Editor";

    public const string LoginLimit = "login";

    public static void AddNewsReaderAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityApiEndpoints<ReaderAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsReaderDbContext>()
            .AddClaimsPrincipalFactory<ReaderClaimsFactory>();
        builder.Services.AddScoped<EditorRole>();
        builder.Services.AddScoped<AuthenticationStateProvider, ReaderRevalidation>();

        // A signed-in reader's roles are read again this often, so that a role given or taken back on the
        // Readers page reaches their next page within the interval, without signing them out.
        var refresh = builder.Configuration.GetValue("NewsReader:AccountRefreshSeconds", 60);
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromSeconds(refresh));
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/denied";

            // The API answers 401 and 403 with problem details; only pages redirect to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });
        // A bearer token or the cookie signs a request in; a refusal always goes through the cookie's events, which
        // redirect a page to the sign-in page and answer the API with problem details (see Refuse).
        builder.Services.PostConfigure<AuthenticationOptions>(options =>
        {
            options.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            options.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(EditorPolicy, policy => policy.RequireRole(ReaderRoles.Editor));
        builder.Services.AddCascadingAuthenticationState();

        var attempts = builder.Configuration.GetValue("NewsReader:SignInsPerMinute", 10);
        builder.Services.Configure<RateLimiterOptions>(limiter => limiter.AddPerAddressLimit(LoginLimit, attempts));
    }

    /// <summary><c>/api/account/register</c>, <c>/login</c> (a bearer token, or a cookie with <c>?useCookies=true</c>),
    /// <c>/refresh</c> and the rest of Identity's API; and the browser's sign-out.</summary>
    public static void MapNewsReaderAccounts(this WebApplication app)
    {
        app.MapGroup("/api/account").WithTags("Accounts").RequireRateLimiting(LoginLimit).MapIdentityApi<ReaderAccount>();
        // A form post (so antiforgery applies): a link or an image elsewhere cannot sign a reader out.
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<ReaderAccount> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();

            // Unsaved comments kept in the browser are the reader's: they go with the sign-in.
            http.Response.Headers["Clear-Site-Data"] = "\"storage\"";
            return Results.LocalRedirect("~" + AccountLinks.LocalOnly(returnUrl));
        });
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return Results.Problem(
                statusCode: status,
                title: status == StatusCodes.Status401Unauthorized ? "Sign in first" : "Not allowed",
                detail: status == StatusCodes.Status401Unauthorized
                    ? "Sign in (a cookie from /api/account/login?useCookies=true, or a bearer token from /api/account/login) to change annotations."
                    : "Your account may not do this: it is for Editors, or for the annotation's owner.")
            .ExecuteAsync(context.HttpContext);
    }
}
