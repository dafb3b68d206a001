using System.Globalization;

namespace NewsReader.Core.Text;

/// <summary>Control characters (U+0000–U+001F, U+007F–U+009F) have no place in what a reader reads: a stray one is
/// refused with a message naming it, rather than stored. Tabs and line breaks are text in bodies and comments.</summary>
public static class ControlCharacters
{
    /// <summary>The first control character of <paramref name="text"/> and where it is, as "U+0007 at 12"; null when there is none.</summary>
    public static string? FirstIn(string? text, bool allowLineBreaks)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\n' or '\r' or '\f'))
            {
                return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} at {i}");
            }
        }

        return null;
    }
}
