namespace NewsReader.Core.Text;

/// <summary>The form of a word the search indexes hold: normalized, with the article read off together with whatever
/// proclitics stand before it (ال، وال، فال، بال، كال، وبال، فبال، وكال، فكال), so that الوزير، والوزير and بالوزير are one
/// entry. That chain is the one proclitic sequence the letters prove: nothing else in Arabic is written that way in
/// front of a word of two letters or more. A single و ف ب ك or ل may be a proclitic or the word's own first letter
/// (وحلب, وزير; للجنة is ل+لجنة or ل+ال+جنة), so it stays here, and <see cref="WordForms"/> reads it at search time
/// from how the corpus uses the word. Index and query go through the same function.</summary>
public static class ArabicStemmer
{
    /// <summary>Letters a word keeps at the least once the article chain is read off.</summary>
    private const int MinimumAfterArticle = 2;

    /// <summary>The index form of one normalized word.</summary>
    public static string Stem(ReadOnlySpan<char> word)
    {
        var at = word.Length > 0 && word[0] is 'و' or 'ف' ? 1 : 0;
        at += word.Length > at && word[at] is 'ب' or 'ك' ? 1 : 0;
        return word.Length - at - 2 >= MinimumAfterArticle && word[at] == 'ا' && word[at + 1] == 'ل'
            ? word[(at + 2)..].ToString()
            : word.ToString();
    }

    /// <summary>The index forms of a whole text, one per word and in order, for the search index.</summary>
    public static List<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = ArabicNormalizer.Fold(text);
        return ArabicTokenizer.Tokenize(normalized).Select(t => Stem(t.In(normalized))).ToList();
    }
}
