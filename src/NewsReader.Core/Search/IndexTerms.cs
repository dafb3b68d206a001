namespace NewsReader.Core.Search;

/// <summary>The terms of an article in the terms index: each distinct stem once as it is and once at the level of its
/// weight (<see cref="WordWeights"/>), each distinct pair of stems that stand side by side (a two-word phrase) at the
/// level of its weight, and each entity the article mentions once. The three kinds share one index so
/// that the index itself can intersect a word's articles with an entity's, or take one from the other, without
/// looking each article up. Each kind has its own first letter, so no term of one kind can be read as another.</summary>
public static class IndexTerms
{
    /// <summary>The term for an article that holds <paramref name="stem"/> at all.</summary>
    public static string Word(string stem)
    {
        ArgumentException.ThrowIfNullOrEmpty(stem);
        return $"s{stem}";
    }

    /// <summary>The term for a stem at a level. The level has a fixed width, so no two pairs share a term.</summary>
    public static string Weighed(int level, string stem)
    {
        ArgumentException.ThrowIfNullOrEmpty(stem);
        return $"w{Level(level)}{stem}";
    }

    /// <summary>The term for two stems that stand side by side, at a level. The first stem's length says where the
    /// second begins, so no two pairs share a term.</summary>
    public static string Paired(int level, string first, string second)
    {
        ArgumentException.ThrowIfNullOrEmpty(first);
        ArgumentException.ThrowIfNullOrEmpty(second);
        return $"p{Level(level)}{first.Length}x{first}{second}";
    }

    /// <summary>The term for an article that mentions the entity.</summary>
    public static string Entity(int entityId) => $"e{entityId}";

    /// <summary>An article's terms, from its title's and body's stems and the entities it mentions. A pair never spans
    /// the title and the body, as a phrase does not.</summary>
    public static string Of(IReadOnlyList<string> titleStems, IReadOnlyList<string> bodyStems, IEnumerable<int> entityIds)
    {
        ArgumentNullException.ThrowIfNull(titleStems);
        ArgumentNullException.ThrowIfNull(bodyStems);
        ArgumentNullException.ThrowIfNull(entityIds);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), int>();
        foreach (var stems in (IReadOnlyList<string>[])[titleStems, bodyStems])
        {
            for (var i = 0; i < stems.Count; i++)
            {
                words[stems[i]] = words.GetValueOrDefault(stems[i]) + 1;
                if (i > 0)
                {
                    pairs[(stems[i - 1], stems[i])] = pairs.GetValueOrDefault((stems[i - 1], stems[i])) + 1;
                }
            }
        }

        var length = titleStems.Count + bodyStems.Count;
        return string.Join(
            ' ',
            words.Select(w => Word(w.Key))
                .Concat(words.Select(w => Weighed(WordWeights.Level(w.Value, length), w.Key)))
                .Concat(pairs.Select(p => Paired(WordWeights.Level(p.Value, length), p.Key.Item1, p.Key.Item2)))
                .Concat(entityIds.Distinct().Select(Entity)));
    }

    /// <summary>A level in a fixed width, so that a stem that starts with a digit is never read as part of it.</summary>
    private static string Level(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, WordWeights.Levels);
        return level.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
