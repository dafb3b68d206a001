using System.Text;
using NewsReader.Core.Search;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary>The app's stems and terms written in PostgreSQL's <c>tsvector</c> and <c>tsquery</c> input syntax, read by a
/// plain cast (<c>::tsvector</c>, <c>::tsquery</c>), which neither parses words nor normalizes them: PostgreSQL indexes
/// and matches exactly the stems the app made (<see cref="Core.Text.ArabicStemmer"/>). Every lexeme is quoted.
/// A vector stays within PostgreSQL's limits, which SQLite does not have: what is past them is left out of the index
/// (docs/architecture.md), so that an article with a run of letters and no spaces, or a great many distinct words, is
/// stored and found by the rest of its words rather than refused.</summary>
internal static class TsText
{
    /// <summary>PostgreSQL keeps positions up to 16383, and at most 256 of them per lexeme.</summary>
    private const int MaxPosition = 16383;

    private const int MaxPositions = 256;

    /// <summary>The longest lexeme PostgreSQL takes, in UTF-8 bytes.</summary>
    private const int MaxLexemeBytes = 2046;

    /// <summary>The most a vector's lexemes may hold together, in UTF-8 bytes (1 MiB less one).</summary>
    private const int MaxVectorBytes = (1 << 20) - 1;

    /// <summary>An article's text as a <c>tsvector</c>: each stem with its positions, the title's first; the body's
    /// start one position after the title's end, so that no phrase spans the two.</summary>
    public static string Document(string titleStems, string bodyStems)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var position = 0;
        var budget = new Budget();
        foreach (var text in (string[])[titleStems, bodyStems])
        {
            foreach (var stem in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position = Math.Min(position + 1, MaxPosition);
                if (!positions.TryGetValue(stem, out var list))
                {
                    if (!budget.Takes(stem))
                    {
                        continue;
                    }

                    positions[stem] = list = [];
                }

                if (list.Count < MaxPositions && (list.Count == 0 || list[^1] != position))
                {
                    list.Add(position);
                }
            }

            position = Math.Min(position + 1, MaxPosition);
        }

        var document = new StringBuilder(positions.Count * 16);
        foreach (var (stem, list) in positions)
        {
            AppendLexeme(document, stem).Append(':').AppendJoin(',', list).Append(' ');
        }

        return document.ToString().TrimEnd();
    }

    /// <summary>An article's terms, as <see cref="Split"/> gives them, as a <c>tsvector</c> without positions.</summary>
    public static string Terms(IReadOnlyList<string> terms)
    {
        var vector = new StringBuilder(terms.Count * 24);
        foreach (var term in terms)
        {
            AppendLexeme(vector, term).Append(' ');
        }

        return vector.ToString().TrimEnd();
    }

    /// <summary>The terms of an article's terms string (<see cref="IndexTerms"/>, space-separated) that its vector holds
    /// and its counts count: within the limits, the entities and the
    /// words first, then their levels, then the pairs (whose phrases are then not found in that article).</summary>
    public static string[] Split(string terms)
    {
        var all = terms.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Encoding.UTF8.GetByteCount(terms) <= MaxVectorBytes && all.All(t => t.Length <= MaxLexemeBytes / 3))
        {
            return all;
        }

        var budget = new Budget();
        return [.. all.OrderBy(t => t[0] switch { 'e' => 0, 's' => 1, 'w' => 2, _ => 3 }).Where(budget.Takes)];
    }

    /// <summary>A terms index query as a <c>tsquery</c>. An empty query has no form: callers answer it without asking.</summary>
    public static string Query(TermQuery query) => query switch
    {
        TermQuery.One one => Lexeme(one.Value),
        TermQuery.Either either => "(" + string.Join(" | ", either.Items.Where(i => !i.IsEmpty).Select(Query)) + ")",
        TermQuery.Both both => "(" + string.Join(" & ", both.Items.Select(Query)) + ")",
        TermQuery.Except except => except.Excluded.IsEmpty ? Query(except.Included) : $"({Query(except.Included)} & !{Query(except.Excluded)})",
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
    };

    /// <summary>A text index query: every clause, each as any of its words' forms, a phrase as any combination of them,
    /// its words side by side (<c>&lt;-&gt;</c>).</summary>
    public static string Query(SearchQuery query) =>
        string.Join(" & ", query.Forms.Select(c => "(" + string.Join(" | ", SearchQuery.Combinations(c).Select(p => "(" + string.Join(" <-> ", p.Select(Lexeme)) + ")")) + ")"));

    /// <summary>Which lexemes of a vector fit, taken in order: none too long, and none once the vector is full.</summary>
    private sealed class Budget
    {
        private int left = MaxVectorBytes;

        public bool Takes(string lexeme)
        {
            var bytes = Encoding.UTF8.GetByteCount(lexeme);
            if (bytes > MaxLexemeBytes || bytes > left)
            {
                return false;
            }

            left -= bytes;
            return true;
        }
    }

    private static string Lexeme(string text) => AppendLexeme(new StringBuilder(text.Length + 2), text).ToString();

    private static StringBuilder AppendLexeme(StringBuilder builder, string text)
    {
        builder.Append('\'');
        foreach (var c in text)
        {
            if (c is '\'' or '\\')
            {
                builder.Append(c);
            }

            builder.Append(c);
        }

        return builder.Append('\'');
    }
}
