using Microsoft.AspNetCore.Localization;
using NewsReader.Web.Components.Preferences;

namespace NewsReader.Web.Localization;

/// <summary>The language the reader chose in the app bar, kept in the preferences cookie; without one, the
/// browser's <c>Accept-Language</c> decides.</summary>
internal sealed class PreferencesCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = ReadingPreferences.Parse(httpContext.Request.Cookies[ReadingPreferences.CookieName]).Language;
        return Task.FromResult(language.Length > 0 && UiLanguages.IsSupported(language) ? new ProviderCultureResult(language) : null);
    }
}
