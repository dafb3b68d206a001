using NewsReader.Core.Entities;
using NewsReader.Core.Importing;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Entities;

/// <summary>The recognizer with the real gazetteer over an English wire story about the seed's events.</summary>
public class EnglishArticleRecognitionTests
{
    private static readonly string Body = ArticleFiles.Read(
        "ayrault-paris-meeting.txt", File.ReadAllBytes(RepositoryFiles.EnglishSample), null, "sample", DateTimeOffset.UnixEpoch).Body;

    private static readonly IReadOnlyList<RecognizedMention> Mentions = GoldenMentions.Recognizer.Recognize(Body);

    private static List<string> TextsOf(string entityId) =>
        Mentions.Where(m => GoldenMentions.Entries[m.EntityId].Id == entityId).Select(m => Body.Substring(m.Start, m.Length)).ToList();

    [Fact]
    public void Ayrault_is_found_in_full_then_by_surname() =>
        Assert.Equal(["Jean-Marc Ayrault", "Ayrault", "Ayrault"], TextsOf("jean-marc-ayrault"));

    [Fact]
    public void Aleppo_is_found_with_and_without_a_possessive_and_not_in_Aleppine()
    {
        Assert.Equal(4, TextsOf("aleppo").Count);
        Assert.All(TextsOf("aleppo"), text => Assert.Equal("Aleppo", text));
        Assert.Equal(["eastern Aleppo", "eastern Aleppo", "eastern Aleppo"], TextsOf("eastern-aleppo"));
    }

    [Fact]
    public void The_Observatory_is_found_in_full_then_as_the_Observatory() =>
        Assert.Equal(["Syrian Observatory for Human Rights", "The Observatory"], TextsOf("syrian-observatory-for-human-rights"));

    [Fact]
    public void Assad_counts_after_his_full_name() => Assert.Equal(["Bashar al-Assad", "Assad"], TextsOf("bashar-al-assad"));

    [Theory]
    [InlineData("paris", "Paris")]
    [InlineData("ankara", "Ankara")]
    [InlineData("francois-fillon", "François Fillon")]
    [InlineData("francois-fillon", "Fillon")]
    [InlineData("sergei-rudskoy", "Sergei Rudskoy")]
    [InlineData("rami-abdel-rahman", "Rami Abdel Rahman")]
    [InlineData("russian-defence-ministry", "Russian Defence Ministry")]
    [InlineData("syrian-national-coalition", "Syrian National Coalition")]
    [InlineData("jabhat-fateh-al-sham", "al-Nusra Front")]
    [InlineData("white-helmets", "White Helmets")]
    [InlineData("french-council-of-ministers", "French cabinet")]
    [InlineData("sheikh-maqsoud", "Sheikh Maqsoud")]
    [InlineData("staffan-de-mistura", "Staffan de Mistura")]
    public void Every_other_named_entity_is_found(string entityId, string text) => Assert.Contains(text, TextsOf(entityId));

    [Fact]
    public void Every_mention_matches_the_golden_file()
    {
        var (expected, actual) = GoldenMentions.Compare(Body, Mentions, "english-mentions.tsv");
        Assert.Equal(expected, actual);
    }
}
