using System.Text;
using NewsReader.Core.Search;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary>The app's stems and terms written in PostgreSQL's <c>tsvector</c> and <c>tsquery</c> input syntax, read by a
/// plain cast (<c>::tsvector</c>, <c>::tsquery</c>), which neither parses words nor normalizes them: PostgreSQL indexes
/// and matches exactly the stems the app made (<see cref="Core.Text.ArabicStemmer"/>). Every lexeme is quoted.</summary>
internal static class TsText
{
    /// <summary>PostgreSQL keeps positions up to 16383, and at most 256 of them per lexeme.</summary>
    private const int MaxPosition = 16383;

    private const int MaxPositions = 256;

    /// <summary>An article's text as a <c>tsvector</c>: each stem with its positions, the title's first; the body's
    /// start one position after the title's end, so that no phrase spans the two.</summary>
    public static string Document(string titleStems, string bodyStems)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var position = 0;
        foreach (var text in (string[])[titleStems, bodyStems])
        {
            foreach (var stem in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position = Math.Min(position + 1, MaxPosition);
                if (!positions.TryGetValue(stem, out var list))
                {
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

    /// <summary>An article's terms (<see cref="IndexTerms"/>, space-separated) as a <c>tsvector</c> without positions.</summary>
    public static string Terms(string terms)
    {
        var vector = new StringBuilder(terms.Length * 2);
        foreach (var term in Split(terms))
        {
            AppendLexeme(vector, term).Append(' ');
        }

        return vector.ToString().TrimEnd();
    }

    /// <summary>The terms of an article's terms string.</summary>
    public static string[] Split(string terms) => terms.Split(' ', StringSplitOptions.RemoveEmptyEntries);

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
