using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using NewsReader.Testing;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Tests.Localization;

/// <summary>Every string the interface asks for has its Arabic, in every plural form Arabic has.</summary>
public partial class TranslationTests
{
    private static readonly string[] ArabicPluralForms = ["zero", "one", "two", "few", "many", "other"];

    [Fact]
    public void Every_interface_string_in_the_code_has_an_Arabic_translation()
    {
        var arabic = new ResourceManager(typeof(UiText).FullName!, typeof(UiText).Assembly)
            .GetResourceSet(CultureInfo.GetCultureInfo("ar"), createIfNotExists: true, tryParents: false)!;
        var missing = new List<string>();
        foreach (var (file, key) in KeysInCode())
        {
            var wanted = key.EndsWith("#plural", StringComparison.Ordinal)
                ? ArabicPluralForms.Select(form => key.Replace("#plural", "#" + form, StringComparison.Ordinal))
                : [key];
            missing.AddRange(wanted.Where(k => arabic.GetString(k) is null).Select(k => $"{file}: {k}"));
        }

        Assert.True(missing.Count == 0, $"{missing.Count} strings have no Arabic:\n{string.Join("\n", missing.Distinct())}");
    }

    [Fact]
    public void The_code_is_found_and_read() =>
        Assert.True(KeysInCode().Count() > 300);

    private static IEnumerable<(string File, string Key)> KeysInCode()
    {
        var web = Path.Combine(RepositoryFiles.Root, "src", "NewsReader.Web");
        var files = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var code = File.ReadAllText(file);
            var name = Path.GetRelativePath(web, file);
            foreach (Match match in LocalizerKey().Matches(code))
            {
                yield return (name, match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal));
            }

            foreach (Match match in CountKeys().Matches(code))
            {
                yield return (name, match.Groups[2].Value + "#plural");
            }
        }
    }

    [GeneratedRegex(@"\bL\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\bF\.Count\([^;]*?,\s*""((?:[^""\\]|\\.)*)"",\s*""((?:[^""\\]|\\.)*)""\)")]
    private static partial Regex CountKeys();
}
