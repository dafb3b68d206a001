using System.Globalization;

namespace NewsReader.Core.Text;

/// <summary>What a reader sees as one character (a letter with its diacritics, an emoji, a surrogate pair)
/// is never cut: a passage that starts or ends inside one is widened to take all of it.</summary>
public static class Graphemes
{
    public static TextSpan Widen(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);

        // Clusters are found from a boundary known to be one: the white space before the passage.
        var boundary = start;
        while (boundary > 0 && !char.IsWhiteSpace(text[boundary - 1]))
        {
            boundary--;
        }

        var (widenedStart, widenedEnd) = (start, end);
        for (var at = boundary; at < text.Length;)
        {
            var next = at + StringInfo.GetNextTextElementLength(text, at);
            if (at < start && start < next)
            {
                widenedStart = at;
            }

            if (at < end && end < next)
            {
                widenedEnd = next;
            }

            if (next >= end)
            {
                break;
            }

            at = next;
        }

        return new TextSpan(widenedStart, widenedEnd - widenedStart);
    }
}
