using NewsReader.Core.Entities;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Entities;

/// <summary>The recognizer with the real gazetteer over the real seed article.</summary>
public class SeedArticleRecognitionTests
{
    private static readonly string Seeds = RepositoryFiles.SeedsFolder;
    private static readonly string Body = File.ReadAllText(Path.Combine(Seeds, "000_c76dc57e29640070.txt"));
    private static readonly IReadOnlyList<GazetteerEntry> Entries = GoldenMentions.Entries;
    private static readonly EntityRecognizer Recognizer = GoldenMentions.Recognizer;
    private static readonly IReadOnlyList<RecognizedMention> Mentions = Recognizer.Recognize(Body);

    private static List<string> TextsOf(string entityId) =>
        Mentions.Where(m => Entries[m.EntityId].Id == entityId).Select(m => Body.Substring(m.Start, m.Length)).ToList();

    [Fact]
    public void Ayrault_is_found_at_all_five_mentions_the_first_with_his_full_name() =>
        Assert.Equal(["جان مارك ايرولت", "ايرولت", "ايرولت", "ايرولت", "ايرولت"], TextsOf("jean-marc-ayrault"));

    [Fact]
    public void Aleppo_the_city_is_found_eight_times_and_not_in_its_districts_or_governorate()
    {
        Assert.Equal(8, TextsOf("aleppo").Count);
        Assert.All(TextsOf("aleppo"), text => Assert.Equal("حلب", text));
        Assert.Equal(["حلب الجديدة"], TextsOf("halab-al-jadida"));
        Assert.Equal(["محافظة حلب"], TextsOf("aleppo-governorate"));
    }

    [Fact]
    public void Ankara_is_found_in_both_spellings() => Assert.Equal(["انقرة", "أنقرة"], TextsOf("ankara"));

    [Fact]
    public void The_Syrian_Observatory_is_found_twice_in_full_and_twice_as_bare_al_marsad() =>
        Assert.Equal(["المرصد السوري", "المرصد السوري لحقوق الانسان", "المرصد", "المرصد"], TextsOf("syrian-observatory-for-human-rights"));

    [Theory]
    [InlineData("francois-fillon", "فرنسوا فيون")]
    [InlineData("sergei-rudskoy", "سيرجي رودسكوي")]
    [InlineData("rami-abdel-rahman", "رامي عبدالرحمن")]
    [InlineData("moscow", "موسكو")]
    [InlineData("france", "فرنسا")]
    [InlineData("sheikh-maqsoud", "الشيخ مقصود")]
    [InlineData("saif-al-dawla", "سيف الدولة")]
    [InlineData("al-azamiya", "الاعظمية")]
    [InlineData("al-furqan", "الفرقان")]
    [InlineData("castello-road", "طريق الكاستيلو")]
    [InlineData("syrian-national-coalition", "الائتلاف الوطني السوري")]
    [InlineData("russian-defence-ministry", "وزارة الدفاع الروسية")]
    [InlineData("white-helmets", "الخوذ البيضاء")]
    public void Every_other_named_entity_of_the_seed_is_found(string entityId, string text) =>
        Assert.Contains(text, TextsOf(entityId));

    [Fact]
    public void Entities_named_more_than_once_are_found_each_time()
    {
        Assert.Equal(["بشار الاسد", "بشار الأسد", "بشار الأسد"], TextsOf("bashar-al-assad"));
        Assert.Equal(["باريس", "باريس", "باريس"], TextsOf("paris"));
        Assert.Equal(["الولايات المتحدة", "الولايات المتحدة"], TextsOf("united-states"));
        Assert.Equal(["روسيا", "روسيا"], TextsOf("russia"));
        Assert.Equal(["الامم المتحدة", "الامم المتحدة"], TextsOf("united-nations"));
        Assert.Equal(["جب القبة", "جب القبة"], TextsOf("jub-al-qubba"));
        Assert.Equal(["جبهة فتح الشام", "النصرة"], TextsOf("jabhat-fateh-al-sham"));
        Assert.Equal(4, TextsOf("syria").Count);
    }

    [Fact]
    public void Every_mention_matches_the_golden_file()
    {
        var (expected, actual) = GoldenMentions.Compare(Body, Mentions, "seed-mentions.tsv");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_gazetteer_has_hundreds_of_entities_of_every_type()
    {
        Assert.True(Entries.Count >= 300, $"{Entries.Count} entities");
        Assert.All(Enum.GetValues<EntityType>(), type => Assert.True(Entries.Count(e => e.Type == type) >= 50, type.ToString()));
        Assert.All(Entries.Where(e => e.Type == EntityType.Place), e => Assert.NotNull(e.Coordinates));
    }
}
