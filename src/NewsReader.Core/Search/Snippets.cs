using NewsReader.Core.Text;

namespace NewsReader.Core.Search;

/// <summary>A passage of an article around matched words, with where the matches are in it.</summary>
public sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights);

/// <summary>Keyword-in-context snippets, cut from the stored body itself: matches are found on normalized,
/// stemmed words and mapped back through the normalizer, so the offsets are those of the stored text.</summary>
public static class Snippets
{
    /// <summary>Snippets around <paramref name="matches"/> (spans of <paramref name="body"/>, in any order,
    /// possibly overlapping: the query's <see cref="WordMatches"/> and any entity mentions).</summary>
    public static IReadOnlyList<Snippet> Find(string body, IEnumerable<TextSpan> matches, int maxSnippets = 3, int context = 70)
    {
        ArgumentNullException.ThrowIfNull(body);
        var merged = Merge(matches);
        var snippets = new List<Snippet>();
        var covered = -1;
        foreach (var match in merged)
        {
            if (match.Start < covered)
            {
                continue;
            }

            var start = WordBoundaryBefore(body, Math.Max(0, match.Start - context));
            var end = WordBoundaryAfter(body, Math.Min(body.Length, match.End + context));
            var inside = merged.Where(m => m.Start >= start && m.End <= end)
                .Select(m => new TextSpan(m.Start - start, m.Length))
                .ToList();
            snippets.Add(new Snippet(body[start..end], inside));
            covered = end;
            if (snippets.Count == maxSnippets)
            {
                break;
            }
        }

        return snippets;
    }

    /// <summary>Where the query's words (and phrases, word for word) stand in the body.</summary>
    public static IEnumerable<TextSpan> WordMatches(string body, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
        {
            // Nothing to look for: the body need not be stemmed (an entity's results ask this of each hit).
            yield break;
        }

        var text = StemmedText.Of(body, query.Stems);
        foreach (var (clause, word) in query.Find(text.Stems))
        {
            var first = text.Words[word];
            var last = text.Words[word + query.Clauses[clause].Count - 1];
            yield return text.Normalized.ToOriginal(first.Start, last.End - first.Start);
        }
    }

    /// <summary>Sorted, with overlapping matches joined (وحلب as a word and حلب as a mention are one mark).</summary>
    public static List<TextSpan> Merge(IEnumerable<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var merged = new List<TextSpan>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TextSpan(last.Start, Math.Max(last.End, span.End) - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static int WordBoundaryBefore(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static int WordBoundaryAfter(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
