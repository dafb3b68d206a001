using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Resolves a query's words to all their forms in the index (<see cref="WordForms"/>), with the counts the rules
/// need: how many articles hold each index form, which the terms index answers with a lookup per form
/// (<see cref="ISearchIndex.ArticleCountsAsync"/>). Two rounds: the forms a word may be read as, to find its base; then the
/// forms the base may take, to find which are its own.</summary>
internal static class WordFormCounts
{
    public static async Task<SearchQuery> ResolveAsync(NewsReaderDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return query;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int Count(string form) => counts.GetValueOrDefault(form);
        var stems = query.Clauses.SelectMany(c => c).Distinct(StringComparer.Ordinal).ToList();
        await LoadAsync(db, stems.SelectMany(WordForms.CountsForBase), counts, cancellationToken);
        var bases = stems.ToDictionary(s => s, s => WordForms.Base(s, Count), StringComparer.Ordinal);
        await LoadAsync(db, bases.Values.Distinct(StringComparer.Ordinal).SelectMany(WordForms.CountsForForms), counts, cancellationToken);

        // The commonest forms first: a phrase's combinations are taken in that order.
        var forms = bases.ToDictionary(
            b => b.Key,
            b => (IReadOnlySet<string>)WordForms.Of(b.Value, Count).OrderByDescending(Count).ThenBy(f => f, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return query.WithForms(stem => forms[stem]);
    }

    /// <summary>Counts for the forms not yet counted, in one question to the index.</summary>
    private static async Task LoadAsync(NewsReaderDbContext db, IEnumerable<string> forms, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        var wanted = forms.Where(f => !counts.ContainsKey(f)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var found = await db.Provider.Search.ArticleCountsAsync(db, wanted.Select(IndexTerms.Word).ToList(), cancellationToken);
        foreach (var form in wanted)
        {
            counts[form] = found.GetValueOrDefault(IndexTerms.Word(form));
        }
    }
}
