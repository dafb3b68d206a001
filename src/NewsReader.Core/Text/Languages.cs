namespace NewsReader.Core.Text;

/// <summary>A first guess at a text's language when nothing says it: Arabic when most of its letters are.</summary>
public static class Languages
{
    public static string Guess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (arabic, other) = (0, 0);
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4000)))
        {
            if (c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                arabic += char.IsLetter(c) ? 1 : 0;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }

        return arabic > other ? "ar" : "en";
    }
}
