namespace NewsReader.Core.Text;

/// <summary>Folds text into the form used for matching and search: spelling variants that readers and
/// writers use interchangeably become one. The stored text never changes; a <see cref="NormalizedText"/>
/// keeps the way back to it. The rules, with examples, are in docs/arabic-text.md.</summary>
public static class ArabicNormalizer
{
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new char[text.Length];
        var origins = new int[text.Length + 1];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (c == '\0')
            {
                continue;
            }

            folded[length] = c;
            origins[length] = i;
            length++;
        }

        origins[length] = text.Length;
        return new NormalizedText(new string(folded, 0, length), origins[..(length + 1)]);
    }

    /// <summary>The normalized form alone, for keys, queries and the search index.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            var f = Fold(c);
            if (f != '\0')
            {
                folded[length++] = f;
            }
        }

        return new string(folded[..length]);
    }

    /// <summary>One character's folded form, or <c>'\0'</c> for a character that is dropped.</summary>
    public static char Fold(char c) => c switch
    {
        // Alef with hamza above or below, with madda, and alef wasla: all plain alef.
        '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673' => '\u0627',

        // Hamza on a waw or ya seat: the seat, as most writers drop the hamza.
        '\u0624' => '\u0648',
        '\u0626' => '\u064A',

        // Alef maqsura and Persian ya: ya. Ta marbuta: ha. Persian kaf: kaf.
        '\u0649' or '\u06CC' => '\u064A',
        '\u0629' => '\u0647',
        '\u06A9' => '\u0643',

        // Harakat, tanwin, shadda, sukun, small marks, superscript alef; tatweel; Quranic annotation marks.
        >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' => '\0',
        >= '\u06D6' and <= '\u06DC' or >= '\u06DF' and <= '\u06E8' or >= '\u06EA' and <= '\u06ED' => '\0',

        // Invisible formatting: zero-width joiners, bidi marks and the Arabic letter mark.
        '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\u2066' or '\u2067' or '\u2068' or '\u2069'
            or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\uFEFF' => '\0',

        // Arabic-Indic and Persian digits: ASCII digits.
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),

        // Every other character of the Arabic block stays as it is (and has no case to ask about).
        >= '\u0600' and <= '\u06FF' => c,

        >= 'A' and <= 'Z' => (char)(c + 32),

        // Latin letters with accents lose them (François → francois, Erdoğan → erdogan), and combining accents go.
        >= '\u00C0' and <= '\u024F' => LatinLetters.Folded[c - '\u00C0'],
        >= '\u0300' and <= '\u036F' => '\0',
        _ when c > '\u007F' && char.IsUpper(c) => char.ToLowerInvariant(c),
        _ => c,
    };
}

/// <summary>The Latin-1 and Latin Extended letters folded: lower case, without accents.</summary>
internal static class LatinLetters
{
    /// <summary>For each character from U+00C0 to U+024F: its base letter in lower case, or itself when it is not an
    /// accented letter (×, ÷, æ, ß). Letters whose stroke is not a combining mark are listed (ı, ł, ø, đ, ħ, ŧ).</summary>
    public static readonly char[] Folded = Build();

    private static char[] Build()
    {
        var folded = new char[0x024F - 0x00C0 + 1];
        for (var i = 0; i < folded.Length; i++)
        {
            var c = (char)(0x00C0 + i);
            var lower = char.ToLowerInvariant(c);
            folded[i] = lower switch
            {
                '\u0131' => 'i',
                '\u0142' => 'l',
                '\u00F8' => 'o',
                '\u0111' => 'd',
                '\u0127' => 'h',
                '\u0167' => 't',
                _ => lower.ToString().Normalize(System.Text.NormalizationForm.FormD)[0] is var b and < '\u0080' ? b : lower,
            };
        }

        return folded;
    }
}

/// <summary>A normalized text and, for each of its characters, the index of the character of the
/// original text it came from. <c>Origins[Text.Length]</c> is the original length.</summary>
public sealed class NormalizedText(string text, int[] origins)
{
    public string Text { get; } = text;

    /// <summary>Original UTF-16 index of each normalized character, plus one past the end.</summary>
    public IReadOnlyList<int> Origins { get; } = origins;

    /// <summary>The span of the original text that a normalized span came from. It runs up to the next
    /// kept character, so marks dropped after the last letter (a tanwin, a shadda) stay with it;
    /// white space and punctuation are never dropped, so they are never taken in.</summary>
    public TextSpan ToOriginal(int start, int length) =>
        new(origins[start], origins[start + length] - origins[start]);
}
