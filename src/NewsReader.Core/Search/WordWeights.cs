namespace NewsReader.Core.Search;

/// <summary>How much each word weighs in an article, in <see cref="Levels"/> steps, so that a one-word search can
/// read its heaviest articles first instead of scoring every article that holds the word. The weight is BM25's
/// word-frequency part: each further occurrence counts for less, and a long article needs more of them than a
/// short one. Length is measured against a fixed pivot rather than the corpus's average, so a stored level never
/// goes stale as articles come and go. (Across words, the word's rarity decides; within one word it is the same
/// for every article, so it plays no part here.)</summary>
public static class WordWeights
{
    public const int Levels = 32;

    // FTS5's bm25 constants, so that one-word and many-word searches weigh occurrences alike.
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The length, in words, at which an article is neither long nor short: a short news report.</summary>
    private const double PivotLength = 250;

    /// <summary>The level of a word found <paramref name="count"/> times in a text of <paramref name="length"/> words:
    /// 0 weighs least, <see cref="Levels"/> − 1 most.</summary>
    public static int Level(int count, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, count);
        // Below 1 however often the word stands, so the level is below Levels.
        var weight = count / (count + (K1 * (1 - B + (B * length / PivotLength))));
        return (int)(weight * Levels);
    }
}
