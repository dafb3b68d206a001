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
    }

    /// <summary>The query as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>Each clause is one word, or the words of one phrase, as stems. All clauses must match.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; }

    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>Every stem the query looks for, to mark in snippets.</summary>
    public IReadOnlySet<string> Stems => Clauses.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);

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
