using NewsReader.Core.Text;

namespace NewsReader.Core.Search;

/// <summary>Which words an article must hold to contain a spelling (a gazetteer alias), as the terms index stores
/// them: one set of alternatives per word of the spelling. The recognizer finds the first word with any proclitics
/// attached (وحلب، بحلب، للائتلاف), so its set holds the stem of every such form, stemmed as the index stems the
/// article's words; the other words stand as they are, so each set has the stem of the word alone. An article that
/// holds none of a set's terms cannot contain the spelling: a re-scan after a gazetteer change reads only the articles
/// that hold one word's terms (the rarest word's, chosen by the caller).</summary>
public static class SpellingTerms
{
    private static readonly string[] Conjunctions = ["", "و", "ف"];

    private static readonly string[] Prepositions = ["", "ب", "ك", "ل"];

    /// <summary>One set of word terms (<see cref="IndexTerms.Word"/>) per word of the spelling; empty when it has no word.</summary>
    public static IReadOnlyList<IReadOnlySet<string>> Of(string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        var normalized = ArabicNormalizer.Fold(spelling);
        var words = ArabicTokenizer.Tokenize(normalized).Select(t => t.In(normalized).ToString()).ToList();
        return words.Select((word, i) => (IReadOnlySet<string>)(i == 0 ? FirstWordForms(word) : [word])
                .Select(form => IndexTerms.Word(ArabicStemmer.Stem(form)))
                .ToHashSet(StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>Every written form in which the recognizer reads <paramref name="word"/> (see <see cref="ArabicClitics"/>):
    /// the word behind a conjunction, a preposition or both, and an article's word after ل written لل.</summary>
    private static IEnumerable<string> FirstWordForms(string word)
    {
        foreach (var conjunction in Conjunctions)
        {
            foreach (var preposition in Prepositions)
            {
                yield return conjunction + preposition + word;
            }

            if (word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 3)
            {
                yield return conjunction + "ل" + word[1..];
            }
        }
    }
}
