using NewsReader.Core.Text;

namespace NewsReader.Core.Search;

/// <summary>What a reader typed in the search box, read as words and "quoted phrases". Every word is
/// normalized and put in its index form (<see cref="ArabicStemmer"/>); <see cref="WithForms"/> then widens each to every
/// form of the same word the index holds (<see cref="WordForms"/>). Anything else a reader types (*, parentheses, NEAR,
/// OR, SQL) is just text: it never reaches the index as syntax.</summary>
public sealed class SearchQuery
{
    public const int MaxLength = 500;

    /// <summary>A phrase matches any combination of its words' forms, up to this many combinations; beyond it, the
    /// commonest forms come first (the corpus's forms of a word are a handful).</summary>
    public const int MaxPhraseCombinations = 64;

    private SearchQuery(string text, IReadOnlyList<IReadOnlyList<string>> clauses, IReadOnlyList<IReadOnlyList<IReadOnlySet<string>>> forms)
    {
        Text = text;
        Clauses = clauses;
        Forms = forms;
        Stems = forms.SelectMany(c => c).SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The query as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>Each clause is one word, or the words of one phrase, in their index forms as typed. All clauses must match.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; }

    /// <summary>For each word of each clause, the index forms that stand for it (itself until <see cref="WithForms"/>).</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlySet<string>>> Forms { get; }

    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>Every index form the query looks for, to mark in snippets.</summary>
    public IReadOnlySet<string> Stems { get; }

    /// <summary>The same query with each word standing for the forms <paramref name="formsOf"/> gives it.</summary>
    public SearchQuery WithForms(Func<string, IReadOnlySet<string>> formsOf)
    {
        ArgumentNullException.ThrowIfNull(formsOf);
        return new SearchQuery(Text, Clauses, Clauses.Select(c => (IReadOnlyList<IReadOnlySet<string>>)c.Select(formsOf).ToList()).ToList());
    }

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

        return new SearchQuery(trimmed, clauses, clauses.Select(c => (IReadOnlyList<IReadOnlySet<string>>)c.Select(Single).ToList()).ToList());
    }

    private static IReadOnlySet<string> Single(string stem) => new HashSet<string>(StringComparer.Ordinal) { stem };

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
        for (var c = 0; c < Forms.Count; c++)
        {
            var clause = Forms[c];
            for (var i = 0; i + clause.Count <= stems.Count; i++)
            {
                var all = true;
                for (var j = 0; j < clause.Count && all; j++)
                {
                    all = clause[j].Contains(stems[i + j]);
                }

                if (all)
                {
                    yield return (c, i);
                }
            }
        }
    }

    /// <summary>Each way to write a phrase with its words' forms, the commonest (as listed) first, at most
    /// <see cref="MaxPhraseCombinations"/>.</summary>
    public static IEnumerable<IReadOnlyList<string>> Combinations(IReadOnlyList<IReadOnlySet<string>> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        IEnumerable<IReadOnlyList<string>> combinations = [[]];
        foreach (var word in words)
        {
            combinations = combinations.SelectMany(prefix => word.Select(form => (IReadOnlyList<string>)[.. prefix, form]));
        }

        return combinations.Take(MaxPhraseCombinations);
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
    /// <summary>The text, with only the words that may have one of <paramref name="wanted"/> as their index form put in it:
    /// an index form is what is left once the article chain is read off, so its word ends with it. The other words stand
    /// as empty forms, which match nothing; an article has hundreds of them, and each costs a string.</summary>
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
