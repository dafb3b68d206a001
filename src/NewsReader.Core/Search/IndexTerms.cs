using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

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
    /// the title and the body, as a phrase does not. Written straight into one string: a bulk import makes hundreds of
    /// terms per article, and a string per term cost more than the rest of the indexing.</summary>
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
                CollectionsMarshal.GetValueRefOrAddDefault(words, stems[i], out _)++;
                if (i > 0)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(pairs, (stems[i - 1], stems[i]), out _)++;
                }
            }
        }

        var length = titleStems.Count + bodyStems.Count;
        var terms = new StringBuilder(words.Count * 24 + pairs.Count * 20);
        foreach (var word in words.Keys)
        {
            terms.Append(" s").Append(word);
        }

        foreach (var (word, count) in words)
        {
            terms.Append(" w");
            AppendLevel(terms, WordWeights.Level(count, length)).Append(word);
        }

        foreach (var ((first, second), count) in pairs)
        {
            terms.Append(" p");
            AppendLevel(terms, WordWeights.Level(count, length))
                .Append(first.Length.ToString(CultureInfo.InvariantCulture)).Append('x').Append(first).Append(second);
        }

        foreach (var entityId in entityIds.Distinct())
        {
            terms.Append(" e").Append(entityId.ToString(CultureInfo.InvariantCulture));
        }

        return terms.Length == 0 ? "" : terms.ToString(1, terms.Length - 1);
    }

    private static StringBuilder AppendLevel(StringBuilder terms, int level) =>
        terms.Append((char)('0' + (level / 10))).Append((char)('0' + (level % 10)));

    /// <summary>A level in a fixed width, so that a stem that starts with a digit is never read as part of it.</summary>
    private static string Level(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, WordWeights.Levels);
        return level.ToString("D2", CultureInfo.InvariantCulture);
    }
}
