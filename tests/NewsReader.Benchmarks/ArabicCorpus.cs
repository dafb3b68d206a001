using System.Text;
using NewsReader.Core.Entities;

namespace NewsReader.Benchmarks;

/// <summary>Deterministic synthetic material: a gazetteer grown from the real one with generated names,
/// and Arabic news-like text that mentions them with and without hamza, diacritics and clitics.</summary>
internal static class ArabicCorpus
{
    private static readonly string[] Syllables =
        ["حا", "مد", "سل", "يم", "عب", "دال", "رح", "من", "كر", "يم", "نو", "ري", "زا", "هر", "فا", "طم", "خا", "لد", "بر", "هان", "قا", "سم", "جو", "اد", "تو", "فيق"];

    private static readonly string[] Fillers =
        ["قال", "المسؤول", "في", "تصريح", "امس", "ان", "الاجتماع", "سيعقد", "بعد", "اسبوعين", "وأضاف", "المصدر", "الذي", "لم", "يشأ", "كشف", "هويته", "مع", "المعارضة", "القصف", "المدفعي", "استهدف", "الأحياء", "الشرقية", "منذ", "أيام", "هدنة", "إلى", "على", "من"];

    private static readonly string[] Clitics = ["", "", "", "و", "ب", "ل", "وب", "ف"];

    public static List<GazetteerAlias> Gazetteer(IReadOnlyList<GazetteerEntry> real, int aliasCount, Random random)
    {
        var aliases = real.SelectMany((entry, index) => entry.Aliases.Select(a => new GazetteerAlias(index, a))).ToList();
        var id = real.Count;
        while (aliases.Count < aliasCount)
        {
            var words = random.Next(1, 4);
            var name = string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));
            aliases.Add(new GazetteerAlias(id++, name));
        }

        return aliases;
    }

    public static string Text(IReadOnlyList<GazetteerAlias> aliases, int targetBytes, Random random)
    {
        var text = new StringBuilder(targetBytes);
        var sentence = new StringBuilder();
        for (var bytes = 0; bytes < targetBytes; bytes += Encoding.UTF8.GetByteCount(sentence.ToString()))
        {
            sentence.Clear();
            for (var i = 0; i < 12; i++)
            {
                sentence.Append(Fillers[random.Next(Fillers.Length)]).Append(' ');
            }

            var alias = aliases[random.Next(aliases.Count)].Text;
            sentence.Append(Clitics[random.Next(Clitics.Length)]).Append(random.Next(4) == 0 ? Vocalize(alias) : alias).Append(". ");
            text.Append(sentence);
        }

        return text.ToString();
    }

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    /// <summary>Adds a fatha after every other letter, as a partly vocalized text would have.</summary>
    private static string Vocalize(string alias)
    {
        var vocalized = new StringBuilder(alias.Length * 2);
        for (var i = 0; i < alias.Length; i++)
        {
            vocalized.Append(alias[i]);
            if (i % 2 == 0 && alias[i] != ' ')
            {
                vocalized.Append('\u064E');
            }
        }

        return vocalized.ToString();
    }
}
