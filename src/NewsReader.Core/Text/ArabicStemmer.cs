namespace NewsReader.Core.Text;

/// <summary>A light prefix stemmer for search, in the spirit of Lucene's ArabicStemmer: it reads off the
/// proclitics (و ف, then ب ك ل, then ال, and لل as ل + ال) so that حلب finds وحلب and بحلب, and الائتلاف
/// finds بالائتلاف. Suffixes are left alone. Index and query go through the same function, so a word that
/// merely starts with those letters (لبنان) is cut the same way on both sides and still finds itself.</summary>
public static class ArabicStemmer
{
    /// <summary>Letters a stem keeps at the least after a conjunction or preposition is taken off.</summary>
    private const int MinimumAfterPrefix = 3;

    /// <summary>Stems one normalized word.</summary>
    public static string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > MinimumAfterPrefix && word[0] is 'و' or 'ف')
        {
            word = word[1..];
        }

        if (word.Length > 2 && word[0] == 'ل' && word[1] == 'ل' && word.Length - 2 >= 2)
        {
            return word[2..].ToString();
        }

        if (word.Length > MinimumAfterPrefix && word[0] is 'ب' or 'ك' or 'ل')
        {
            word = word[1..];
        }

        if (word.Length > 3 && word[0] == 'ا' && word[1] == 'ل')
        {
            word = word[2..];
        }

        return word.ToString();
    }

    /// <summary>The stems of a whole text, one per word and in order, for the search index.</summary>
    public static List<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = ArabicNormalizer.Fold(text);
        return ArabicTokenizer.Tokenize(normalized).Select(t => Stem(t.In(normalized))).ToList();
    }
}
