namespace NewsReader.Core.Text;

/// <summary>Which written forms are forms of one word, decided by how the corpus uses them. A single proclitic (و ف ب ك
/// ل, their pairs وب فل…, and لل for ل + the article) cannot be told from a word's own first letter by the letters alone:
/// بحلب is ب + حلب, but وزير is not و + زير, and للجنة is ل + لجنة, not لل + جنة. What tells them apart is the corpus:
/// a form is read as proclitics + a base when that base is a word of its own more than a quarter as common as the
/// form (<see cref="BaseShare"/>), and of several such readings the base is the commonest. بحلب and وقال are read off
/// (حلب and قال are common words); وزير and لجنة stay whole (زير and جنة are rare next to them). Commonness is how
/// many articles hold the index form (<see cref="ArabicStemmer.Stem"/>, which has already read off the article chain).
/// The rules are pure: the caller supplies the counts (<c>df</c>), from its index.</summary>
public static class WordForms
{
    /// <summary>The proclitic sequences a single word can carry, besides the article chain the index reads off.</summary>
    public static IReadOnlyList<string> Proclitics { get; } =
        ["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل", "لل", "ولل", "فلل"];

    /// <summary>How common a base must be, against the form, to be read as its base.</summary>
    public const double BaseShare = 0.25;

    /// <summary>Letters a base keeps at the least.</summary>
    private const int MinimumBase = 2;

    /// <summary>The bases an index form can be read as: each proclitic sequence it starts with read off.</summary>
    public static IEnumerable<string> Readings(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Proclitics.Where(p => form.Length - p.Length >= MinimumBase && form.StartsWith(p, StringComparison.Ordinal))
            .Select(p => form[p.Length..])
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>The word an index form is a form of: the commonest base it can be read as, if any is common enough, else
    /// the form itself. Of bases equally common, the one with more read off (وبفرنسا is و + ب + فرنسا, not و + بفرنسا).</summary>
    public static string Base(string form, Func<string, int> df)
    {
        ArgumentNullException.ThrowIfNull(df);
        var own = df(form);
        string? best = null;
        var bestCount = 0;
        foreach (var reading in Readings(form))
        {
            var count = df(reading);
            if (count > 0 && count > BaseShare * own && (count > bestCount || (count == bestCount && reading.Length < best!.Length)))
            {
                (best, bestCount) = (reading, count);
            }
        }

        return best ?? form;
    }

    /// <summary>The index forms that may be forms of <paramref name="word"/>: the word behind each proclitic sequence.</summary>
    public static IEnumerable<string> Candidates(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Proclitics.Select(p => p + word);
    }

    /// <summary>Every index form of <paramref name="word"/> that the corpus holds: the word itself, and each candidate whose
    /// base it is.</summary>
    public static IReadOnlySet<string> Of(string word, Func<string, int> df)
    {
        ArgumentNullException.ThrowIfNull(df);
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        foreach (var candidate in Candidates(word))
        {
            if (df(candidate) > 0 && Base(candidate, df) == word)
            {
                forms.Add(candidate);
            }
        }

        return forms;
    }

    /// <summary>The forms whose counts <see cref="Base"/> of <paramref name="form"/> needs.</summary>
    public static IEnumerable<string> CountsForBase(string form) => Readings(form).Prepend(form);

    /// <summary>The forms whose counts <see cref="Of"/> needs for <paramref name="word"/>.</summary>
    public static IEnumerable<string> CountsForForms(string word) => Candidates(word).SelectMany(CountsForBase).Prepend(word).Distinct(StringComparer.Ordinal);
}
