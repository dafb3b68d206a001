namespace NewsReader.Core.Annotations;

/// <summary>W3C TextPositionSelector: UTF-16 offsets into the stored body, end exclusive.</summary>
public readonly record struct TextPositionSelector(int Start, int End);

/// <summary>W3C TextQuoteSelector: the quoted text with up to <see cref="Selectors.ContextLength"/>
/// characters either side, to find the passage again when the body changes.</summary>
public sealed record TextQuoteSelector(string Exact, string Prefix, string Suffix);

public static class Selectors
{
    public const int ContextLength = 32;

    /// <summary>The quote selector for a passage of a body.</summary>
    public static TextQuoteSelector QuoteOf(string body, TextPositionSelector position)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (position.Start < 0 || position.End > body.Length || position.End <= position.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(position), "The passage must be a non-empty range inside the body.");
        }

        var prefixStart = Math.Max(0, position.Start - ContextLength);
        var suffixEnd = Math.Min(body.Length, position.End + ContextLength);
        return new TextQuoteSelector(
            body[position.Start..position.End], body[prefixStart..position.Start], body[position.End..suffixEnd]);
    }
}
