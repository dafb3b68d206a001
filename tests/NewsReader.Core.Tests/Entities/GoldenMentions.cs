using System.Globalization;
using System.Text;
using NewsReader.Core.Entities;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Entities;

/// <summary>The real gazetteer's recognizer, and the golden files of the mentions it finds in sample articles.</summary>
internal static class GoldenMentions
{
    public static IReadOnlyList<GazetteerEntry> Entries { get; } = LoadGazetteer();

    public static EntityRecognizer Recognizer { get; } = new(Entries.SelectMany((entry, index) =>
        entry.Aliases.Select(a => new GazetteerAlias(index, a))
            .Concat((entry.ShortAliases ?? []).Select(a => new GazetteerAlias(index, a, IsShort: true)))));

    /// <summary>Each mention as a line (start, length, entity id, text), and the golden file's text beside it. After a
    /// deliberate change, NEWSREADER_UPDATE_GOLDEN=1 rewrites the file; review its diff by eye.</summary>
    public static (string Expected, string Actual) Compare(string body, IEnumerable<RecognizedMention> mentions, string goldenFile)
    {
        var actual = new StringBuilder();
        foreach (var m in mentions)
        {
            actual.Append(CultureInfo.InvariantCulture, $"{m.Start}\t{m.Length}\t{Entries[m.EntityId].Id}\t{body.AsSpan(m.Start, m.Length)}\n");
        }

        var golden = Path.Combine(RepositoryFiles.Root, "tests", "NewsReader.Core.Tests", "Golden", goldenFile);
        if (Environment.GetEnvironmentVariable("NEWSREADER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual.ToString());
        }

        return (File.ReadAllText(golden), actual.ToString());
    }

    private static IReadOnlyList<GazetteerEntry> LoadGazetteer()
    {
        using var stream = File.OpenRead(Path.Combine(RepositoryFiles.SeedsFolder, "entities.json"));
        return Gazetteer.ReadAsync(stream).GetAwaiter().GetResult();
    }
}
