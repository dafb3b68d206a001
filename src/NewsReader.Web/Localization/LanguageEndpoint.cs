using Microsoft.AspNetCore.Mvc;
using NewsReader.Web.Components.Account;
using NewsReader.Web.Components.Preferences;

namespace NewsReader.Web.Localization;

internal static class LanguageEndpoint
{
    /// <summary><c>POST /preferences/language</c>: a form (so it works on the static account pages too, and antiforgery
    /// applies) that keeps the chosen language in the preferences cookie and reloads the page in it. The language of
    /// an open circuit is fixed when it starts, so a new page load is the way to change it.</summary>
    public static void MapNewsReaderLanguage(this WebApplication app) =>
        app.MapPost("/preferences/language", (HttpContext http, [FromForm] string language, [FromForm] string? returnUrl) =>
        {
            if (!UiLanguages.IsSupported(language))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                    detail: $"language must be one of {string.Join(", ", UiLanguages.All.Select(c => c.Name))}.");
            }

            var preferences = ReadingPreferences.Parse(http.Request.Cookies[ReadingPreferences.CookieName]) with { Language = language.ToLowerInvariant() };
            http.Response.Cookies.Append(ReadingPreferences.CookieName, preferences.ToCookieValue(), new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                HttpOnly = false, // The reading controls rewrite it in the browser.
                IsEssential = true,
            });
            return Results.LocalRedirect("~" + AccountLinks.LocalOnly(returnUrl));
        }).WithName("ChooseLanguage").WithSummary("Keeps the interface language in the preferences cookie and returns to the page.")
          .ExcludeFromDescription();
}
