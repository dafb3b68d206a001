using NewsReader.Core.Entities;

namespace NewsReader.Core.Tests.Entities;

/// <summary>The recognizer over English and French text: the same trie as Arabic, with Latin folding.</summary>
public class LatinRecognitionTests
{
    private const int Ayrault = 1, Assad = 2, Observatory = 3, Erdogan = 4, Aleppo = 5, Hafez = 6, OBrien = 7, Francois = 8;

    private static readonly EntityRecognizer Recognizer = new(
    [
        new(Ayrault, "Jean-Marc Ayrault"),
        new(Ayrault, "Ayrault", IsShort: true),
        new(Assad, "Bashar al-Assad"),
        new(Assad, "Assad", IsShort: true),
        new(Assad, "al-Assad", IsShort: true),
        new(Hafez, "Hafez al-Assad"),
        new(Observatory, "Syrian Observatory for Human Rights"),
        new(Observatory, "SOHR"),
        new(Observatory, "the Observatory", IsShort: true),
        new(Erdogan, "Recep Tayyip Erdoğan"),
        new(Erdogan, "Erdoğan"),
        new(Aleppo, "Aleppo"),
        new(Aleppo, "Alep"),
        new(OBrien, "Stephen O'Brien"),
        new(Francois, "François Hollande"),
    ]);

    private static List<(int Entity, string Text)> Find(string text) =>
        Recognizer.Recognize(text).Select(m => (m.EntityId, text.Substring(m.Start, m.Length))).ToList();

    [Theory]
    [InlineData("ALEPPO")]
    [InlineData("aleppo")]
    [InlineData("Aleppo")]
    public void Matching_ignores_case(string written) => Assert.Equal([(Aleppo, written)], Find($"Shelling in {written} went on."));

    [Theory]
    [InlineData("Aleppo's", "Aleppo")]
    [InlineData("Aleppo’s", "Aleppo")]
    [InlineData("Erdoğan's", "Erdoğan")]
    public void A_possessive_is_left_out_of_the_mention(string written, string mention) =>
        Assert.Equal([(written.StartsWith('A') ? Aleppo : Erdogan, mention)], Find($"{written} people"));

    [Theory]
    [InlineData("Jean-Marc Ayrault")]
    [InlineData("Jean Marc Ayrault")]
    [InlineData("Jean‑Marc Ayrault")]
    [InlineData("Jean–Marc Ayrault")]
    public void Hyphen_variants_match(string written) => Assert.Equal([(Ayrault, written)], Find($"said {written} on Monday"));

    [Theory]
    [InlineData("Stephen O'Brien")]
    [InlineData("Stephen O’Brien")]
    [InlineData("Stephen O‘Brien")]
    public void Apostrophe_variants_match(string written) => Assert.Equal([(OBrien, written)], Find($"UN aid chief {written} said"));

    [Theory]
    [InlineData("Erdogan")]
    [InlineData("ERDOĞAN")]
    [InlineData("Erdog\u0306an")]
    public void Accents_are_folded(string written) => Assert.Equal([(Erdogan, written)], Find($"President {written} spoke"));

    [Fact]
    public void Accents_fold_in_the_alias_too() =>
        Assert.Equal([(Francois, "Francois Hollande")], Find("Francois Hollande said"));

    [Theory]
    [InlineData("Aleppoan forces")]
    [InlineData("the Aleppine dialect")]
    [InlineData("Alepo and Aleppos")]
    [InlineData("Malep")]
    public void A_name_inside_a_longer_word_is_not_a_mention(string text) => Assert.Empty(Find(text));

    [Fact]
    public void The_longest_alias_wins() =>
        Assert.Equal([(Hafez, "Hafez al-Assad"), (Assad, "Bashar al-Assad")], Find("Hafez al-Assad's son Bashar al-Assad"));

    [Fact]
    public void A_short_alias_counts_only_after_a_full_name_in_the_same_article()
    {
        Assert.Empty(Find("Assad and Ayrault met; the Observatory said."));
        Assert.Equal(
            [(Observatory, "Syrian Observatory for Human Rights"), (Assad, "Bashar al-Assad"), (Assad, "Assad"), (Observatory, "the Observatory"), (Assad, "al-Assad")],
            Find("The Syrian Observatory for Human Rights said Bashar al-Assad's forces advanced. Assad, the Observatory added, and al-Assad's allies."));
    }

    [Fact]
    public void An_acronym_is_a_full_alias() => Assert.Equal([(Observatory, "SOHR")], Find("according to the SOHR monitor"));

    [Fact]
    public void Arabic_and_Latin_spellings_of_one_entity_meet_in_one_text()
    {
        var recognizer = new EntityRecognizer([new(Aleppo, "حلب"), new(Aleppo, "Aleppo"), new(Aleppo, "Alep")]);
        var text = "Aleppo (حلب, Alep)";
        Assert.Equal(["Aleppo", "حلب", "Alep"], recognizer.Recognize(text).Select(m => text.Substring(m.Start, m.Length)));
    }
}
