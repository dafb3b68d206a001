using System.Net.Http.Json;
using System.Text.Json;

namespace NewsReader.EndToEnd.Tests;

/// <summary>An API client signed in by the cookie, as a browser's script would be.</summary>
internal static class CookieSession
{
    /// <summary>Signs in by cookie, then carries the antiforgery token that writes signed in by the cookie need.</summary>
    public static async Task SignInByCookieAsync(this HttpClient http, object account)
    {
        (await http.PostAsJsonAsync(new Uri("/api/account/login?useCookies=true", UriKind.Relative), account)).EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/account/antiforgery", UriKind.Relative)));
        http.DefaultRequestHeaders.Add(token.RootElement.GetProperty("headerName").GetString()!, token.RootElement.GetProperty("token").GetString());
    }
}
