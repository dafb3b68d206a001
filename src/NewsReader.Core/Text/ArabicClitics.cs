namespace NewsReader.Core.Text;

/// <summary>The proclitics that Arabic writes attached to the next word: the conjunctions و and ف,
/// the prepositions ب ك ل, and the article ال, in the orders the language allows (وال، بال، فال،
/// كال، لل، وب، ول، فبال، وكال …). All work on normalized text.</summary>
public static class ArabicClitics
{
    /// <summary>A stem must keep at least this many letters, so that short words are not eaten away.</summary>
    public const int MinimumStemLength = 2;

    /// <summary>The most readings <see cref="Read"/> can give for one word.</summary>
    public const int MaxReadings = 5;

    /// <summary>Fills <paramref name="readings"/> with the ways to read a word as proclitics plus a stem,
    /// the word itself first, then by growing prefix; returns how many there are.</summary>
    public static int Read(ReadOnlySpan<char> word, Span<CliticReading> readings)
    {
        var count = 0;
        readings[count++] = new CliticReading(0, false);
        var at = word.Length > 0 && word[0] is 'و' or 'ف' ? 1 : 0;
        if (at > 0 && word.Length - at >= MinimumStemLength)
        {
            readings[count++] = new CliticReading(at, false);
        }

        if (word.Length - at - 1 < MinimumStemLength)
        {
            return count;
        }

        switch (word[at])
        {
            case 'ب' or 'ك' or 'ل':
                readings[count++] = new CliticReading(at + 1, false);
                if (word[at] == 'ل' && word[at + 1] == 'ل' && word.Length - at - 2 >= MinimumStemLength)
                {
                    // لل is the preposition ل before the article ال, written without the article's alef:
                    // للائتلاف is ل + الائتلاف, and the name starts at the second lam.
                    readings[count++] = new CliticReading(at + 1, true);
                }

                break;
        }

        return count;
    }

    /// <summary>Every stem a word can be read as, with the length of its prefix; for tests and docs.</summary>
    public static IReadOnlyList<(int PrefixLength, string Stem)> Stems(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<CliticReading> readings = stackalloc CliticReading[MaxReadings];
        var count = Read(word, readings);
        var stems = new List<(int, string)>(count);
        foreach (var reading in readings[..count])
        {
            stems.Add((reading.PrefixLength, reading.Stem(word)));
        }

        return stems;
    }
}

/// <summary>One reading of a word: its first <see cref="PrefixLength"/> letters are proclitics. When
/// <see cref="RestoresArticleAlef"/> is set, the stem is <c>ا</c> plus the rest (the لل case).</summary>
public readonly record struct CliticReading(int PrefixLength, bool RestoresArticleAlef)
{
    public string Stem(ReadOnlySpan<char> word) =>
        RestoresArticleAlef ? string.Concat("ا", word[PrefixLength..]) : word[PrefixLength..].ToString();
}
