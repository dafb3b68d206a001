using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Components.Preferences;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Tests.Localization;

/// <summary>Counts and dates as a reader of each language reads them.</summary>
public class UiFormatsTests
{
    private static readonly DateTimeOffset Day = new(2016, 12, 1, 14, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", false, 1, "1 article", "1 December 2016")]
    [InlineData("en", false, 12345, "12,345 articles", "1 December 2016")]
    [InlineData("ar", false, 1, "مقال واحد", "1 ديسمبر 2016")]
    [InlineData("ar", false, 2, "مقالان", "1 ديسمبر 2016")]
    [InlineData("ar", false, 3, "3 مقالات", "1 ديسمبر 2016")]
    [InlineData("ar", false, 11, "11 مقالًا", "1 ديسمبر 2016")]
    [InlineData("ar", false, 1200, "1,200 مقال", "1 ديسمبر 2016")]
    [InlineData("ar", true, 1200, "١٬٢٠٠ مقال", "١ ديسمبر ٢٠١٦")]
    public void Counts_and_dates_follow_the_language_and_the_digits_preference(
        string language, bool arabicDigits, long count, string articles, string date)
    {
        using var interfaceLanguage = new InterfaceLanguage(language);
        var formats = Formats(arabicDigits);

        Assert.Equal(articles, formats.Count(count, "{0} article", "{0} articles"));
        Assert.Equal(date, formats.Date(Day));
    }

    [Fact]
    public void Arabic_digits_are_an_Arabic_preference_only()
    {
        using var english = new InterfaceLanguage("en");

        Assert.Equal("1,200", Formats(arabicDigits: true).Number(1200));
    }

    [Theory]
    [InlineData("en", -20, "just now")]
    [InlineData("en", -300, "5 minutes ago")]
    [InlineData("en", 7200, "in 2 hours")]
    [InlineData("ar", -300, "منذ 5 دقائق")]
    [InlineData("ar", -7200, "منذ ساعتين")]
    [InlineData("ar", 86400 * 3, "بعد 3 أيام")]
    public void Moments_are_said_relative_to_now(string language, int seconds, string said)
    {
        using var interfaceLanguage = new InterfaceLanguage(language);

        Assert.Equal(said, Formats(arabicDigits: false).Relative(Day.AddSeconds(seconds), Day));
    }

    private static UiFormats Formats(bool arabicDigits)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().AddScoped<ReadingPreferencesState>().AddScoped<UiFormats>().BuildServiceProvider();
        services.GetRequiredService<ReadingPreferencesState>().Set(ReadingPreferences.Default with { ArabicDigits = arabicDigits });
        return services.GetRequiredService<UiFormats>();
    }
}
