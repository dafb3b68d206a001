using NewsReader.Core.Text;

namespace NewsReader.Core.Search;

/// <summary>What a reader typed in the search box, read as words and "quoted phrases". Every word is
/// normalized and stemmed like the index. Anything else a reader types (*, parentheses, NEAR, OR, SQL)
/// is just text: it never reaches the index as syntax.</summary>
public sealed class SearchQuery
{
    public const int MaxLength = 500;

    private SearchQuery(string text, IReadOnlyList<IReadOnlyList<string>> clauses)
    {
        Text = text;
        Clauses = clauses;
        Stems = clauses.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The query as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>Each clause is one word, or the words of one phrase, as stems. All clauses must match.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; }

    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>Every stem the query looks for, to mark in snippets.</summary>
    public IReadOnlySet<string> Stems { get; }

    public static SearchQuery Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var clauses = new List<IReadOnlyList<string>>();
        var parts = trimmed.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var words = Words(parts[i]);
            if (i % 2 == 1 && i < parts.Length - 1)
            {
                // Inside a pair of double quotes: one phrase.
                if (words.Count > 0)
                {
                    clauses.Add(words);
                }
            }
            else
            {
                clauses.AddRange(words.Select(w => (IReadOnlyList<string>)[w]));
            }
        }

        return new SearchQuery(trimmed, clauses);
    }

    /// <summary>Whether every clause stands, word for word, in at least one of <paramref name="texts"/>
    /// (a phrase must stand within one text).</summary>
    public bool IsMatchedBy(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var found = new bool[Clauses.Count];
        foreach (var text in texts)
        {
            foreach (var (clause, _) in Find(StemmedText.Of(text, Stems).Stems))
            {
                found[clause] = true;
            }
        }

        return !IsEmpty && found.All(f => f);
    }

    /// <summary>Where each clause stands in a run of stems: the clause's index and the index of its first word.</summary>
    internal IEnumerable<(int Clause, int Word)> Find(IReadOnlyList<string> stems)
    {
        for (var c = 0; c < Clauses.Count; c++)
        {
            var clause = Clauses[c];
            for (var i = 0; i + clause.Count <= stems.Count; i++)
            {
                var all = true;
                for (var j = 0; j < clause.Count && all; j++)
                {
                    all = stems[i + j] == clause[j];
                }

                if (all)
                {
                    yield return (c, i);
                }
            }
        }
    }

    /// <summary>The FTS5 MATCH expression: each stem is a quoted string, so FTS5 reads no operator in it.</summary>
    public string ToFts5()
    {
        // Stems hold only letters and digits (the tokenizer's words), so no quote can break out.
        return string.Join(" AND ", Clauses.Select(c => $"\"{string.Join(' ', c)}\""));
    }

    private static List<string> Words(string text)
    {
        var normalized = ArabicNormalizer.Fold(text);
        return ArabicTokenizer.Tokenize(normalized).Select(t => ArabicStemmer.Stem(t.In(normalized))).ToList();
    }
}

/// <summary>A text as search reads it: normalized, cut into words, each word stemmed like the index.</summary>
internal sealed record StemmedText(NormalizedText Normalized, IReadOnlyList<Token> Words, IReadOnlyList<string> Stems)
{
    /// <summary>The text, with only the words that may stem to one of <paramref name="wanted"/> stemmed: a stem
    /// is what is left once the proclitics are read off, so its word ends with it. The other words stand as
    /// empty stems, which match nothing; an article has hundreds of them, and stemming each costs a string.</summary>
    public static StemmedText Of(string text, IReadOnlySet<string> wanted)
    {
        var normalized = ArabicNormalizer.Normalize(text);
        var words = ArabicTokenizer.Tokenize(normalized.Text);
        var stems = words.Select(w =>
        {
            var word = w.In(normalized.Text);
            foreach (var stem in wanted)
            {
                if (word.EndsWith(stem, StringComparison.Ordinal))
                {
                    return ArabicStemmer.Stem(word);
                }
            }

            return "";
        });
        return new StemmedText(normalized, words, stems.ToList());
    }
}
