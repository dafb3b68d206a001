using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Resolves a query's words to all their forms in the index (<see cref="WordForms"/>), with the counts the rules
/// need: how many articles hold each index form, which SQLite's <c>fts5vocab</c> over the terms index answers with a
/// seek per form (<c>ArticleTermsVocab</c>). Two rounds: the forms a word may be read as, to find its base; then the
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

    /// <summary>Counts for the forms not yet counted, in one statement: SQLite looks each term up in the vocabulary.</summary>
    private static async Task LoadAsync(NewsReaderDbContext db, IEnumerable<string> forms, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        var wanted = forms.Where(f => !counts.ContainsKey(f)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var terms = System.Text.Json.JsonSerializer.Serialize(wanted.Select(IndexTerms.Word));
        var found = await db.Database
            .SqlQuery<TermCount>($"SELECT term AS Term, doc AS Articles FROM ArticleTermsVocab WHERE term IN (SELECT value FROM json_each({terms}))")
            .ToListAsync(cancellationToken);
        foreach (var form in wanted)
        {
            counts[form] = 0;
        }

        foreach (var row in found)
        {
            counts[row.Term[1..]] = row.Articles;
        }
    }

    private sealed record TermCount(string Term, int Articles);
}
