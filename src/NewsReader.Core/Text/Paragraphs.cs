namespace NewsReader.Core.Text;

/// <summary>Splits a text that arrived without paragraph breaks into readable paragraphs,
/// as spans of the text, so the stored body never changes.</summary>
public static class Paragraphs
{
    /// <summary>Sentences are gathered until a paragraph holds about this many characters:
    /// two or three sentences of wire copy, the rhythm of a news site.</summary>
    public const int DefaultTargetLength = 320;

    private static readonly char[] SentenceEnds = ['.', '!', '?', '؟', '…'];

    public static IReadOnlyList<TextSpan> Split(string text, int targetLength = DefaultTargetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<TextSpan>();
        var start = SkipWhitespace(text, 0);
        var position = start;
        while (position < text.Length)
        {
            var breakAt = NextBreak(text, position);
            if (breakAt < 0)
            {
                break;
            }

            if (text[breakAt] == '\n' || breakAt - start >= targetLength)
            {
                Add(paragraphs, text, start, breakAt);
                start = SkipWhitespace(text, breakAt);
            }

            position = breakAt + 1;
        }

        Add(paragraphs, text, start, text.Length);
        return paragraphs;
    }

    /// <summary>The index just past a sentence end that is followed by white space
    /// (closing quotes and brackets stay with their sentence), or of a line break.</summary>
    private static int NextBreak(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                return i;
            }

            if (Array.IndexOf(SentenceEnds, text[i]) < 0)
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '»' or '"' or '”' or ')' or '\'')
            {
                end++;
            }

            if (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                return end;
            }
        }

        return -1;
    }

    private static int SkipWhitespace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    private static void Add(List<TextSpan> paragraphs, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            paragraphs.Add(new TextSpan(start, end - start));
        }
    }
}
