using System.Globalization;
using Microsoft.Extensions.Localization;
using NewsReader.Web.Components.Preferences;

namespace NewsReader.Web.Localization;

/// <summary>Counts, numbers and dates in the reader's language, with the digits the reader prefers
/// (Arabic-Indic or Latin) in the Arabic interface.</summary>
internal sealed class UiFormats(IStringLocalizer<UiText> text, ReadingPreferencesState preferences)
{
    private static readonly CultureInfo LatinNumbers = CultureInfo.GetCultureInfo("en");

    /// <summary>The interface's language, for <c>lang</c> on the chrome inside an article's own language.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The interface's direction, <c>rtl</c> or <c>ltr</c>.</summary>
    public static string Direction => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";

    private bool ArabicIndic => preferences.Current.ArabicDigits && Language == "ar";

    /// <summary>A whole number with the language's grouping, such as 12,345 or ١٢٬٣٤٥.</summary>
    public string Number(long value) =>
        ArabicIndic ? Digits(value.ToString("N0", CultureInfo.CurrentCulture)) : value.ToString("N0", LatinNumbers);

    /// <summary>"1 article", "2 articles" in English; in Arabic the form CLDR gives the count (مقالان، ٣ مقالات، ١١ مقالاً),
    /// from the resource entries <c>{other}#zero</c>, <c>#one</c>, <c>#two</c>, <c>#few</c>, <c>#many</c> and <c>{other}</c>.</summary>
    public string Count(long count, string one, string other)
    {
        var category = Plurals.Category(Language, count);
        var form = text[$"{other}#{category}"];
        var template = !form.ResourceNotFound ? form.Value : category == "one" ? text[one].Value : text[other].Value;
        return string.Format(CultureInfo.CurrentCulture, template, Number(count));
    }

    /// <summary>A day, such as 28 November 2026 or 28 نوفمبر 2026.</summary>
    public string Date(DateTimeOffset value) => Date(DateOnly.FromDateTime(value.DateTime));

    /// <summary>A day, as in "1 December 2016".</summary>
    public string Date(DateOnly value) => Digits(value.ToString("d MMMM yyyy", CultureInfo.CurrentCulture));

    /// <summary>A month, as in "December 2016".</summary>
    public string Month(DateOnly value) => Digits(value.ToString("MMMM yyyy", CultureInfo.CurrentCulture));

    /// <summary>A day and time, such as 28 Nov 2026, 14:05.</summary>
    public string DateTime(DateTimeOffset value) => Digits(value.ToString("d MMM yyyy, HH:mm", CultureInfo.CurrentCulture));

    /// <summary>How long ago or how soon: "just now", "5 min ago", "in 3 h", "2 days ago".</summary>
    public string Relative(DateTimeOffset value, DateTimeOffset now)
    {
        var delta = value - now;
        var past = delta < TimeSpan.Zero;
        var span = past ? -delta : delta;
        if (span.TotalSeconds < 45)
        {
            return past ? text["just now"] : text["in a few seconds"];
        }

        var amount = span.TotalMinutes < 90 ? Count(Math.Max(1, (long)Math.Round(span.TotalMinutes)), "{0} minute", "{0} minutes")
            : span.TotalHours < 36 ? Count((long)Math.Round(span.TotalHours), "{0} hour", "{0} hours")
            : Count((long)Math.Round(span.TotalDays), "{0} day", "{0} days");
        return past ? text["{0} ago", amount] : text["in {0}", amount];
    }

    private string Digits(string formatted) => ArabicIndic ? ToArabicIndic(formatted) : formatted;

    private static string ToArabicIndic(string value) =>
        string.Create(value.Length, value, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiDigit(source[i]) ? (char)('٠' + (source[i] - '0')) : source[i];
            }
        });
}
