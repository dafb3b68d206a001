using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;

namespace NewsReader.Benchmarks;

/// <summary>Entity recognition over about 10 MB of Arabic text with 10,000 aliases: the trie recognizer
/// (normalizing included) against a baseline measured in the same run, one .NET Regex alternation of
/// every normalized alias between word boundaries, over already-normalized text. The baseline is spared
/// normalizing and does not look for clitics, so it does less than the recognizer; it is so slow that it
/// runs over the first 256 KB of the same text, and the two are compared in MB/s (printed by the setup).</summary>
[MemoryDiagnoser]
public class RecognitionBenchmark
{
    private string text = "";
    private string baselineText = "";
    private EntityRecognizer recognizer = null!;
    private Regex alternation = null!;

    /// <summary>Generated aliases; a few repeat, so the distinct count the run prints is a little lower.</summary>
    [Params(10_200)]
    public int Aliases { get; set; }

    public static int TextBytes { get; } = 10 * 1024 * 1024;

    public static int BaselineBytes { get; } = 256 * 1024;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20161201);
        using var gazetteerFile = File.OpenRead(Path.Combine(Program.SeedsFolder, "entities.json"));
        var real = Gazetteer.ReadAsync(gazetteerFile).GetAwaiter().GetResult();
        var aliases = ArabicCorpus.Gazetteer(real, Aliases, random);
        text = ArabicCorpus.Text(aliases, TextBytes, random);
        baselineText = ArabicNormalizer.Fold(text[..(BaselineBytes / 2)]);
        recognizer = new EntityRecognizer(aliases);
        var pattern = string.Join('|', aliases.Select(a => ArabicNormalizer.Fold(a.Text)).Distinct().OrderByDescending(a => a.Length).Select(Regex.Escape));
        alternation = new Regex($@"\b(?:{pattern})\b", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        Console.WriteLine($"// recognizer text: {Encoding.UTF8.GetByteCount(text):N0} bytes UTF-8; baseline text: {Encoding.UTF8.GetByteCount(baselineText):N0} bytes; aliases: {recognizer.AliasCount:N0}");
    }

    [Benchmark]
    public int Recognizer() => recognizer.Recognize(text).Count;

    [Benchmark(Baseline = true)]
    public int RegexAlternation() => alternation.Count(baselineText);
}
