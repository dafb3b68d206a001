using System.Globalization;

namespace NewsReader.Web.Components.Preferences;

/// <summary>How this browser likes to read: kept in a cookie so that the server renders the
/// first response in the right language, theme and size, with no flash when the circuit connects.</summary>
/// <param name="DarkMode">The dark theme rather than the light one.</param>
/// <param name="TextSize">The article's text size, 1 to 5.</param>
/// <param name="Language">The interface language the reader chose, such as <c>ar</c>; empty to follow the browser's
/// <c>Accept-Language</c>.</param>
/// <param name="ArabicDigits">Numbers in the Arabic interface in Arabic-Indic digits (٣) rather than Latin ones (3).</param>
public sealed record ReadingPreferences(bool DarkMode, int TextSize, string Language = "", bool ArabicDigits = false)
{
    public const string CookieName = "newsreader-preferences";
    public const int SmallestTextSize = 1;
    public const int LargestTextSize = 5;

    public static ReadingPreferences Default { get; } = new(false, 3);

    public bool CanShrink => TextSize > SmallestTextSize;

    public bool CanGrow => TextSize < LargestTextSize;

    public ReadingPreferences Shrink() => this with { TextSize = Math.Max(SmallestTextSize, TextSize - 1) };

    public ReadingPreferences Grow() => this with { TextSize = Math.Min(LargestTextSize, TextSize + 1) };

    public ReadingPreferences ToggleTheme() => this with { DarkMode = !DarkMode };

    /// <summary>The cookie's value, such as <c>theme=dark&amp;size=4&amp;lang=ar&amp;digits=arabic</c>.</summary>
    public string ToCookieValue() =>
        string.Create(CultureInfo.InvariantCulture, $"theme={(DarkMode ? "dark" : "light")}&size={TextSize}&lang={Language}&digits={(ArabicDigits ? "arabic" : "latin")}");

    /// <summary>Reads a cookie value; anything missing or malformed falls back to the defaults.</summary>
    public static ReadingPreferences Parse(string? cookieValue)
    {
        var preferences = Default;
        foreach (var pair in (cookieValue ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.Split('=', 2) is [var n, var v] ? (n, v) : (pair, "");
            preferences = name switch
            {
                "theme" => preferences with { DarkMode = value == "dark" },
                "size" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) =>
                    preferences with { TextSize = Math.Clamp(size, SmallestTextSize, LargestTextSize) },
                "lang" when value.Length <= 8 && value.All(char.IsAsciiLetterLower) => preferences with { Language = value },
                "digits" => preferences with { ArabicDigits = value == "arabic" },
                _ => preferences,
            };
        }

        return preferences;
    }
}
