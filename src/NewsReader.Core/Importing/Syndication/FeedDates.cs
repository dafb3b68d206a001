using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Importing.Syndication;

/// <summary>Dates as feeds write them: RFC 822 and its variants (four- or two-digit years, full month and day names, no
/// seconds, named zones such as PT or EST, military letters), W3C and ISO 8601 (a day alone, no seconds, no zone, a
/// comma for the fraction), Atom 0.3's and the odd others. A date without a zone is taken as UTC. Null when nothing
/// reads as a date: an unknown date is said, never invented.</summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0,
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
        ["ET"] = -5,
        ["CT"] = -6,
        ["MT"] = -7,
        ["PT"] = -8,
        ["AT"] = -4,
        ["AST"] = -4,
        ["ADT"] = -3,
        ["BST"] = 1,
        ["CET"] = 1,
        ["CEST"] = 2,
        ["EET"] = 2,
        ["EEST"] = 3,
        ["MSK"] = 3,
        ["IST"] = 2,
        ["JST"] = 9,
        ["A"] = -1,
        ["M"] = -12,
        ["N"] = 1,
        ["Y"] = 12,
    };

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        return Rfc822(value) ?? Iso(value) ?? Loose(value);
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var m = Rfc822Pattern().Match(text);
        if (!m.Success || MonthOf(m.Groups["month"].Value) is not { } month)
        {
            return null;
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        year = m.Groups["year"].Length == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = m.Groups["hour"].Success ? int.Parse(m.Groups["hour"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["minute"].Success ? int.Parse(m.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["second"].Success ? int.Parse(m.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        return Make(year, month, day, hour, minute, second, 0, Offset(m.Groups["zone"].Value));
    }

    private static DateTimeOffset? Iso(string text)
    {
        var m = IsoPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        int Part(string name, int fallback) =>
            m.Groups[name].Success && m.Groups[name].Length > 0 ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var fraction = m.Groups["fraction"].Success ? m.Groups["fraction"].Value : "";
        var milliseconds = fraction.Length == 0 ? 0 : (int)(double.Parse("0." + fraction, CultureInfo.InvariantCulture) * 1000);
        var year = Part("year", 0);
        if (m.Groups["ordinal"].Success)
        {
            var start = Make(year, 1, 1, 0, 0, 0, 0, TimeSpan.Zero);
            return start?.AddDays(Part("ordinal", 1) - 1);
        }

        return Make(year, Part("month", 1), Part("day", 1), Part("hour", 0), Part("minute", 0), Part("second", 0), milliseconds, Offset(m.Groups["zone"].Value));
    }

    /// <summary>Whatever .NET can read of what is left (“2004-01-05 12:00 PM”, “January 5, 2004”), as UTC unless it says.</summary>
    private static DateTimeOffset? Loose(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static int? MonthOf(string name)
    {
        var prefix = name.Length >= 3 ? name[..3].ToLowerInvariant() : name.ToLowerInvariant();
        var index = Array.IndexOf(Months, prefix);
        return index < 0 ? null : index + 1;
    }

    private static TimeSpan Offset(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (Zones.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        var m = OffsetPattern().Match(zone);
        if (!m.Success)
        {
            return TimeSpan.Zero;
        }

        var sign = m.Groups[1].Value == "-" ? -1 : 1;
        var h = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var min = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return h > 14 || min > 59 ? TimeSpan.Zero : sign * new TimeSpan(h, min, 0);
    }

    private static DateTimeOffset? Make(int year, int month, int day, int hour, int minute, int second, int milliseconds, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        // 24:00 is the end of the day, and a leap second the last of its minute.
        var (extraDays, h, s) = (hour == 24 ? 1 : 0, hour == 24 ? 0 : hour, Math.Min(second, 59));
        try
        {
            return new DateTimeOffset(year, month, day, h, minute, s, milliseconds, offset).AddDays(extraDays);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s*)?(?<day>\d{1,2})[\s\-]+(?<month>[A-Za-z]{3,})[\s\-]+(?<year>\d{4}|\d{2})(?:\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?)?\s*(?<zone>[A-Za-z]{1,5}|[+\-]\d{2}:?\d{2})?\s*$")]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex(@"^(?<year>\d{4})(?:-?(?:(?<ordinal>\d{3})|(?<month>\d{2})(?:-?(?<day>\d{2}))?))?(?:[T\s](?<hour>\d{2})(?::?(?<minute>\d{2})(?::?(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?)?)?\s*(?<zone>Z|[+\-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^([+\-])(\d{2}):?(\d{2})?$")]
    private static partial Regex OffsetPattern();
}
