namespace NewsReader.Core.Text;

public static class Sentences
{
    private static readonly char[] Ends = ['.', '!', '?', '؟', '\n'];

    /// <summary>The sentence of <paramref name="text"/> that holds <paramref name="offset"/>, trimmed.</summary>
    public static TextSpan Around(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = offset <= 0 ? 0 : text.LastIndexOfAny(Ends, Math.Min(offset, text.Length) - 1) + 1;
        var end = text.IndexOfAny(Ends, Math.Min(offset, text.Length));
        end = end < 0 ? text.Length : end + 1;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end - start);
    }
}
