using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Data.Search;

/// <summary>Resolves a query's words to all their forms in the index (<see cref="WordForms"/>), with the counts the rules
/// need: how many articles hold each index form, which the terms index answers with a lookup per form
/// (<see cref="ISearchIndex.ArticleCountsAsync"/>). Two rounds: the forms a word may be read as, to find its base; then the
/// forms the base may take, to find which are its own.</summary>
/// <remarks>SQLite counts a form by reading its whole list of articles (10 ms for the 237,000 of حلب's four commonest forms
/// at a million), so the count of a common form (<see cref="SearchOptions.RememberCountsFrom"/> articles or more) is kept
/// for <see cref="SearchOptions.RememberCountsFor"/>: in that time it moves by a fraction of a percent, far from what
/// tips the rules' comparisons. Rarer forms are counted at every search (their lists are short), so a form new to the
/// corpus is found at once.</remarks>
public sealed class WordFormCounts(TimeProvider clock, IOptions<SearchOptions> options)
{
    /// <summary>Past this many remembered forms the memory starts again: a corpus has a few thousand common forms.</summary>
    private const int MostRemembered = 50_000;

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Until)> remembered = new(StringComparer.Ordinal);

    /// <summary>The query with each word's forms, and how many articles hold each form that was counted.</summary>
    internal async Task<(SearchQuery Query, IReadOnlyDictionary<string, int> Articles)> ResolveAsync(
        NewsReaderDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return (query, new Dictionary<string, int>());
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
        return (query.WithForms(stem => forms[stem]), counts);
    }

    /// <summary>Counts for the forms not yet counted: those remembered, and the rest in one question to the index.</summary>
    private async Task LoadAsync(NewsReaderDbContext db, IEnumerable<string> forms, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var wanted = new List<string>();
        foreach (var form in forms.Where(f => !counts.ContainsKey(f)).Distinct(StringComparer.Ordinal))
        {
            if (remembered.TryGetValue(form, out var known) && known.Until > now)
            {
                counts[form] = known.Count;
            }
            else
            {
                wanted.Add(form);
            }
        }

        if (wanted.Count == 0)
        {
            return;
        }

        var found = await db.Provider.Search.ArticleCountsAsync(db, wanted.Select(IndexTerms.Word).ToList(), cancellationToken);
        foreach (var form in wanted)
        {
            var count = counts[form] = found.GetValueOrDefault(IndexTerms.Word(form));
            if (count >= options.Value.RememberCountsFrom)
            {
                Remember(form, count, now + options.Value.RememberCountsFor);
            }
        }
    }

    private void Remember(string form, int count, DateTimeOffset until)
    {
        if (remembered.Count >= MostRemembered)
        {
            remembered.Clear();
        }

        remembered[form] = (count, until);
    }
}
