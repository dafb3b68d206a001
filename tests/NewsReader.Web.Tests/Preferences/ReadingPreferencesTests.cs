using NewsReader.Web.Components.Preferences;

namespace NewsReader.Web.Tests.Preferences;

public class ReadingPreferencesTests
{
    [Theory]
    [InlineData(null, false, 3)]
    [InlineData("", false, 3)]
    [InlineData("theme=dark&size=5", true, 5)]
    [InlineData("size=2", false, 2)]
    [InlineData("theme=dark&size=99", true, 5)]
    [InlineData("size=-4", false, 3)]
    [InlineData("size=abc&theme=light", false, 3)]
    [InlineData("garbage&&=&theme", false, 3)]
    public void A_cookie_value_is_read_leniently(string? cookie, bool dark, int size) =>
        Assert.Equal(new ReadingPreferences(dark, size), ReadingPreferences.Parse(cookie));

    [Theory]
    [InlineData("lang=ar&digits=arabic", "ar", true)]
    [InlineData("lang=en", "en", false)]
    [InlineData("lang=AR<script>", "", false)]
    [InlineData("lang=abcdefghijk", "", false)]
    public void The_language_and_digits_are_read_from_the_cookie(string cookie, string language, bool arabicDigits)
    {
        var preferences = ReadingPreferences.Parse(cookie);

        Assert.Equal((language, arabicDigits), (preferences.Language, preferences.ArabicDigits));
    }

    [Fact]
    public void Preferences_survive_a_round_trip_through_the_cookie()
    {
        var preferences = ReadingPreferences.Default.ToggleTheme().Grow() with { Language = "ar", ArabicDigits = true };

        Assert.Equal(preferences, ReadingPreferences.Parse(preferences.ToCookieValue()));
    }

    [Fact]
    public void Text_size_stops_at_its_bounds()
    {
        var smallest = ReadingPreferences.Default.Shrink().Shrink().Shrink();
        var largest = ReadingPreferences.Default.Grow().Grow().Grow();

        Assert.Equal((1, false, 5, false), (smallest.TextSize, smallest.CanShrink, largest.TextSize, largest.CanGrow));
    }
}
