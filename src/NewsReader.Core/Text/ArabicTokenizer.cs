namespace NewsReader.Core.Text;

/// <summary>A word of a normalized text: where it is in the normalized text, and its folded form.</summary>
public readonly record struct Token(int Start, int Length)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> In(string normalized) => normalized.AsSpan(Start, Length);
}

/// <summary>Splits normalized text into words: runs of letters and digits (Arabic, Latin, any script).</summary>
public static class ArabicTokenizer
{
    public static List<Token> Tokenize(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var tokens = new List<Token>(normalized.Length / 5);
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inWord = i < normalized.Length && IsWordCharacter(normalized[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(new Token(start, i - start));
                start = -1;
            }
        }

        return tokens;
    }

    // ASCII and the Arabic letters answer without a Unicode table lookup: they are nearly all a text holds.
    private static bool IsWordCharacter(char c) => c switch
    {
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or >= '\u0621' and <= '\u064A' => true,
        < '\u0080' => false,
        _ => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark,
    };
}
