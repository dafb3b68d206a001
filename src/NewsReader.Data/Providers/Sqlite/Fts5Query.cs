using NewsReader.Core.Search;

namespace NewsReader.Data.Providers.Sqlite;

/// <summary>Queries in FTS5's MATCH language. Every term and form is a quoted string, so FTS5 reads no operator in it;
/// they hold only letters and digits (the tokenizer's words), so no quote can break out.</summary>
internal static class Fts5Query
{
    /// <summary>A terms index query. An empty query has no FTS5 form: callers answer it without asking.</summary>
    public static string Of(TermQuery query) => query switch
    {
        TermQuery.One one => Quoted(one.Value),
        TermQuery.Either either => "(" + string.Join(" OR ", either.Items.Where(i => !i.IsEmpty).Select(Of)) + ")",
        TermQuery.Both both => "(" + string.Join(" AND ", both.Items.Select(Of)) + ")",
        TermQuery.Except except => except.Excluded.IsEmpty ? Of(except.Included) : $"({Of(except.Included)} NOT {Of(except.Excluded)})",
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
    };

    /// <summary>A text index query: every clause, each as any of its words' forms (a phrase as any combination of them).</summary>
    public static string Of(SearchQuery query) =>
        string.Join(" AND ", query.Forms.Select(c => "(" + string.Join(" OR ", SearchQuery.Combinations(c).Select(p => Quoted(string.Join(' ', p)))) + ")"));

    private static string Quoted(string text) => $"\"{text}\"";
}
