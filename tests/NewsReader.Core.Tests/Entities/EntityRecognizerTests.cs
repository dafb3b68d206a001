using NewsReader.Core.Entities;

namespace NewsReader.Core.Tests.Entities;

public class EntityRecognizerTests
{
    private const int Aleppo = 1, NewAleppo = 2, Observatory = 3, Ankara = 4, Coalition = 5, Russia = 6, Ayrault = 7;

    private static readonly EntityRecognizer Recognizer = new(
    [
        new(Aleppo, "حلب"),
        new(NewAleppo, "حلب الجديدة"),
        new(Observatory, "المرصد السوري لحقوق الإنسان"),
        new(Observatory, "المرصد السوري"),
        new(Observatory, "المرصد", IsShort: true),
        new(Ankara, "أنقرة"),
        new(Coalition, "الائتلاف الوطني السوري"),
        new(Russia, "روسيا"),
        new(Ayrault, "جان مارك ايرولت"),
        new(Ayrault, "ايرولت"),
    ]);

    private static List<(int Entity, string Text)> Find(string text) =>
        Recognizer.Recognize(text).Select(m => (m.EntityId, text.Substring(m.Start, m.Length))).ToList();

    [Fact]
    public void The_longest_alias_wins()
    {
        Assert.Equal([(NewAleppo, "حلب الجديدة"), (Aleppo, "حلب")], Find("أحياء حلب الجديدة وسط حلب"));
        Assert.Equal([(Observatory, "المرصد السوري لحقوق الانسان")], Find("بحسب المرصد السوري لحقوق الانسان"));
    }

    [Theory]
    [InlineData("انقرة")]
    [InlineData("أنقرة")]
    [InlineData("أَنْقَرَة")]
    [InlineData("إنقرة")]
    public void Spelling_variants_match_through_the_normalizer(string spelling) =>
        Assert.Equal([(Ankara, spelling)], Find($"في {spelling} اليوم"));

    [Theory]
    [InlineData("وحلب", "حلب")]
    [InlineData("بحلب", "حلب")]
    [InlineData("لروسيا", "روسيا")]
    [InlineData("بالائتلاف الوطني السوري", "الائتلاف الوطني السوري")]
    [InlineData("للائتلاف الوطني السوري", "لائتلاف الوطني السوري")]
    [InlineData("وبحلب", "حلب")]
    public void Attached_proclitics_are_left_out_of_the_mention(string written, string mention)
    {
        var found = Assert.Single(Find($"قال {written} أمس"));
        Assert.Equal(mention, found.Text);
    }

    [Fact]
    public void A_word_that_only_starts_like_an_alias_is_not_a_mention() =>
        Assert.Empty(Find("حلبة السباق والروسيات"));

    [Fact]
    public void A_short_alias_counts_only_after_a_longer_one_in_the_same_article()
    {
        Assert.Empty(Find("وأشار المرصد إلى ذلك"));
        Assert.Equal(
            [(Observatory, "المرصد السوري"), (Observatory, "المرصد")],
            Find("أحصى المرصد السوري القتلى. وأشار المرصد إلى ذلك"));
    }

    [Fact]
    public void A_full_name_is_one_mention_and_the_surname_alone_another()
    {
        Assert.Equal(
            [(Ayrault, "جان مارك ايرولت"), (Ayrault, "ايرولت")],
            Find("أعلن جان مارك ايرولت أمس. وقال ايرولت"));
    }

    [Fact]
    public void Diacritics_inside_the_text_stay_inside_the_mention()
    {
        const string text = "في حَلَبٌ";

        var mention = Assert.Single(Recognizer.Recognize(text));

        Assert.Equal("حَلَبٌ", text.Substring(mention.Start, mention.Length));
    }
}
