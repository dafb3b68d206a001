namespace NewsReader.Core.Text;

public enum TextDirection
{
    Ltr,
    Rtl,
}

public static class TextDirections
{
    private static readonly HashSet<string> RightToLeftLanguages =
        new(StringComparer.OrdinalIgnoreCase) { "ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug" };

    /// <summary>The HTML <c>dir</c> value.</summary>
    public static string ToHtml(this TextDirection direction) => direction == TextDirection.Rtl ? "rtl" : "ltr";

    /// <summary>The direction of a language's script; for an unknown language, that of the text itself.</summary>
    public static TextDirection ForLanguage(string language, string text)
    {
        var primary = language.Split('-', 2)[0];
        return RightToLeftLanguages.Contains(primary) ? TextDirection.Rtl : Detect(text);
    }

    /// <summary>The direction of the first strong character, as the Unicode bidi algorithm (rule P2) decides.</summary>
    public static TextDirection Detect(string text)
    {
        foreach (var c in text)
        {
            if (IsRightToLeft(c))
            {
                return TextDirection.Rtl;
            }

            if (char.IsLetter(c))
            {
                return TextDirection.Ltr;
            }
        }

        return TextDirection.Ltr;
    }

    private static bool IsRightToLeft(char c) =>
        c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
}
