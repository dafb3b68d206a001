using System.Globalization;

namespace NewsReader.Web.Places;

/// <summary>Days as the API and the addresses write them: 2016-12-01.</summary>
public static class Days
{
    /// <summary>Reads a day; a blank text is no day (true, null), anything else not a day is false.</summary>
    public static bool TryRead(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var read))
        {
            day = read;
            return true;
        }

        return false;
    }

    /// <summary>Both ends of a range, or the problem in words.</summary>
    public static (DateOnly? From, DateOnly? To, string? Problem) ReadRange(string? from, string? to)
    {
        if (!TryRead(from, out var first) || !TryRead(to, out var last))
        {
            return (null, null, $"Dates are days written 2016-12-01, not '{(TryRead(from, out _) ? to : from)}'.");
        }

        return first > last ? (null, null, "The first day comes after the last.") : (first, last, null);
    }
}
