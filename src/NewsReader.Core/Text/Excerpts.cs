namespace NewsReader.Core.Text;

public static class Excerpts
{
    /// <summary>The opening of a text, cut at a word boundary, with an ellipsis when cut.</summary>
    public static string Opening(string text, int maxLength = 220)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', maxLength);
        if (cut <= maxLength / 2)
        {
            cut = char.IsHighSurrogate(trimmed[maxLength - 1]) ? maxLength - 1 : maxLength;
        }

        return string.Concat(trimmed.AsSpan(0, cut).TrimEnd(" ،,;:–-".AsSpan()), "…");
    }
}
