using NewsReader.Core.Text;

namespace NewsReader.Core.Annotations;

public enum AnchorKind
{
    /// <summary>The quote is still at the stored position.</summary>
    Exact,

    /// <summary>The quote was found elsewhere: the nearest occurrence with the best context.</summary>
    Moved,

    /// <summary>The quote itself changed; the closest passage within the error budget was taken.</summary>
    Fuzzy,

    /// <summary>The passage is gone. The annotation is kept, with its quote, in the orphan list.</summary>
    Orphan,
}

public sealed record Anchor(AnchorKind Kind, TextPositionSelector Position);

/// <summary>Finds an annotated passage in a body that may have changed, as Hypothesis does: the stored
/// position if the quote is still there; else the quote (with its context) nearest the old position, first
/// exactly, then after Arabic normalization (so a quote with diacritics finds its text without them); else a
/// fuzzy match within an edit budget, scored on quote, context and distance; else an orphan.</summary>
public static class Anchoring
{
    /// <summary>The most cells (quote length × text length) one fuzzy pass fills: about 20 ms on one core. Past it
    /// the passage is not looked for, and the annotation becomes an orphan, kept with its quote.</summary>
    public const long MaxFuzzyWork = 16_000_000;

    /// <summary>Errors allowed in a fuzzy match: a quarter of the quote, at most 64.</summary>
    public static int ErrorBudget(int quoteLength) => Math.Min(64, quoteLength / 4);

    public static Anchor Find(string body, TextPositionSelector position, TextQuoteSelector quote)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Exact.Length == 0)
        {
            return new Anchor(AnchorKind.Orphan, position);
        }

        if (position.Start >= 0 && position.End <= body.Length && position.End > position.Start
            && body.AsSpan(position.Start, position.End - position.Start).SequenceEqual(quote.Exact))
        {
            return new Anchor(AnchorKind.Exact, position);
        }

        return Exactly(body, position, quote) ?? Normalized(body, position, quote) ?? Fuzzy(body, position, quote)
            ?? new Anchor(AnchorKind.Orphan, position);
    }

    private static Anchor? Exactly(string body, TextPositionSelector position, TextQuoteSelector quote) =>
        Best(body, position, quote, Occurrences(body, quote.Exact).Select(at => new TextSpan(at, quote.Exact.Length)));

    private static Anchor? Normalized(string body, TextPositionSelector position, TextQuoteSelector quote)
    {
        var text = ArabicNormalizer.Normalize(body);
        var exact = ArabicNormalizer.Fold(quote.Exact);
        return exact.Length == 0
            ? null
            : Best(body, position, quote, Occurrences(text.Text, exact).Select(at => text.ToOriginal(at, exact.Length)));
    }

    /// <summary>The candidate whose surroundings best agree with the stored context, nearest the old position.</summary>
    private static Anchor? Best(string body, TextPositionSelector position, TextQuoteSelector quote, IEnumerable<TextSpan> candidates)
    {
        var best = (Score: double.MinValue, Span: default(TextSpan));
        foreach (var span in candidates)
        {
            var score = ContextScore(body, span.Start, span.End, quote) - Distance(body, position.Start, span.Start);
            if (score > best.Score)
            {
                best = (score, span);
            }
        }

        return best.Score == double.MinValue ? null : new Anchor(AnchorKind.Moved, new(best.Span.Start, best.Span.End));
    }

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    /// <summary>Approximate substring search (Sellers' dynamic programming) for the quote, in a window around
    /// the old position, then over the whole body; candidates are scored like exact ones, less their errors. Each pass
    /// costs the quote's length times the text's, so each is made only within <see cref="MaxFuzzyWork"/>: an edit of a
    /// long article re-anchors inside its save's transaction, and must not hold it for seconds.</summary>
    private static Anchor? Fuzzy(string body, TextPositionSelector position, TextQuoteSelector quote)
    {
        var m = quote.Exact.Length;
        var budget = ErrorBudget(m);
        if (budget == 0)
        {
            return null;
        }

        var reach = (int)Math.Max(0, Math.Min(m * 8L + 2_000, (MaxFuzzyWork / m - m) / 2));
        var from = Math.Clamp(position.Start - reach, 0, body.Length);
        var to = Math.Clamp(Math.Max(position.Start, 0) + m + reach, 0, body.Length);
        var near = WithinWork(m, to - from) ? FuzzyIn(body, from, to, position, quote, budget) : null;
        return near ?? (WithinWork(m, body.Length) && (from > 0 || to < body.Length) ? FuzzyIn(body, 0, body.Length, position, quote, budget) : null);
    }

    private static bool WithinWork(int quoteLength, int textLength) => (long)quoteLength * textLength <= MaxFuzzyWork;

    private static Anchor? FuzzyIn(string body, int from, int to, TextPositionSelector position, TextQuoteSelector quote, int budget)
    {
        var pattern = quote.Exact;
        var m = pattern.Length;
        var previous = new int[m + 1];
        var current = new int[m + 1];
        var starts = new int[m + 1];
        var previousStarts = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            previous[i] = i;
            previousStarts[i] = from;
        }

        var best = (Score: double.MinValue, Start: -1, End: -1);
        for (var j = from; j < to; j++)
        {
            current[0] = 0;
            starts[0] = j + 1;
            for (var i = 1; i <= m; i++)
            {
                var substitute = previous[i - 1] + (pattern[i - 1] == body[j] ? 0 : 1);
                var delete = current[i - 1] + 1;
                var insert = previous[i] + 1;
                if (substitute <= delete && substitute <= insert)
                {
                    current[i] = substitute;
                    starts[i] = previousStarts[i - 1];
                }
                else if (insert <= delete)
                {
                    current[i] = insert;
                    starts[i] = previousStarts[i];
                }
                else
                {
                    current[i] = delete;
                    starts[i] = starts[i - 1];
                }
            }

            if (current[m] <= budget)
            {
                var start = starts[m];
                var end = j + 1;
                var score = ContextScore(body, start, end, quote) - Distance(body, position.Start, start) - current[m] * 4.0;
                if (score > best.Score)
                {
                    best = (score, start, end);
                }
            }

            (previous, current) = (current, previous);
            (previousStarts, starts) = (starts, previousStarts);
        }

        return best.Start < 0 ? null : new Anchor(AnchorKind.Fuzzy, new(best.Start, best.End));
    }

    /// <summary>How many characters of the stored context agree with the text around a candidate.</summary>
    private static double ContextScore(string body, int start, int end, TextQuoteSelector quote)
    {
        var prefix = 0;
        while (prefix < quote.Prefix.Length && start - prefix - 1 >= 0 && body[start - prefix - 1] == quote.Prefix[^(prefix + 1)])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < quote.Suffix.Length && end + suffix < body.Length && body[end + suffix] == quote.Suffix[suffix])
        {
            suffix++;
        }

        return prefix + suffix;
    }

    /// <summary>Distance from the old position, as a penalty worth at most a few characters of context.</summary>
    private static double Distance(string body, int oldStart, int candidate) =>
        body.Length == 0 ? 0 : 8.0 * Math.Abs(candidate - oldStart) / body.Length;
}
