using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أنقرة", "انقره")]
    [InlineData("إيران", "ايران")]
    [InlineData("آن", "ان")]
    [InlineData("ٱلله", "الله")]
    public void Alef_forms_fold_to_bare_alef(string text, string expected) => Assert.Equal(expected, ArabicNormalizer.Fold(text));

    [Theory]
    [InlineData("على", "علي")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("فارسی", "فارسي")]
    public void Alef_maqsura_and_Persian_ya_fold_to_ya(string text, string expected) => Assert.Equal(expected, ArabicNormalizer.Fold(text));

    [Fact]
    public void Ta_marbuta_folds_to_ha() => Assert.Equal("هدنه", ArabicNormalizer.Fold("هدنة"));

    [Theory]
    [InlineData("مسؤولية", "مسووليه")]
    [InlineData("الائتلاف", "الايتلاف")]
    [InlineData("ماء", "ماء")]
    public void Hamza_seats_fold_to_the_seat_and_lone_hamza_stays(string text, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Fold(text));

    [Theory]
    [InlineData("حَلَب", "حلب")]
    [InlineData("أنَّ", "ان")]
    [InlineData("كتابٌ", "كتاب")]
    [InlineData("هٰذا", "هذا")]
    [InlineData("حـــلب", "حلب")]
    public void Diacritics_and_tatweel_are_removed(string text, string expected) => Assert.Equal(expected, ArabicNormalizer.Fold(text));

    [Theory]
    [InlineData("٢٠١٦", "2016")]
    [InlineData("۱۲۳", "123")]
    [InlineData("44", "44")]
    public void Arabic_Indic_and_Persian_digits_become_ASCII(string text, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Fold(text));

    [Theory]
    [InlineData("Aleppo", "aleppo")]
    [InlineData("FRANÇOIS", "francois")]
    public void Latin_is_case_folded(string text, string expected) => Assert.Equal(expected, ArabicNormalizer.Fold(text));

    [Theory]
    [InlineData("François", "francois")]
    [InlineData("Erdoğan", "erdogan")]
    [InlineData("Mevlüt Çavuşoğlu", "mevlut cavusoglu")]
    [InlineData("Binali Yıldırım", "binali yildirim")]
    [InlineData("Médecins Sans Frontières", "medecins sans frontieres")]
    [InlineData("Łódź Øresund", "lodz oresund")]
    [InlineData("Franc\u0327ois", "francois")]
    [InlineData("3 × 4, Straße, Æsir", "3 × 4, straße, æsir")]
    public void Latin_accents_are_folded_away(string text, string expected) => Assert.Equal(expected, ArabicNormalizer.Fold(text));

    [Fact]
    public void Invisible_formatting_characters_are_removed() =>
        Assert.Equal("حلب", ArabicNormalizer.Fold("\u200Fح\u200Cل\u200Dب\u202E"));

    [Fact]
    public void Every_normalized_character_maps_back_to_the_character_it_came_from()
    {
        const string text = "قالَ: «حَلَبٌ» ١٢";

        var normalized = ArabicNormalizer.Normalize(text);

        Assert.Equal("قال: «حلب» 12", normalized.Text);
        Assert.Equal(text.Length, normalized.Origins[^1]);
        for (var i = 0; i < normalized.Text.Length; i++)
        {
            Assert.Equal(normalized.Text[i], ArabicNormalizer.Fold(text[normalized.Origins[i]]));
        }
    }

    [Fact]
    public void A_span_of_normalized_text_maps_to_the_original_word_with_its_trailing_marks()
    {
        const string text = "في حَلَبٌ اليوم";
        var normalized = ArabicNormalizer.Normalize(text);
        var start = normalized.Text.IndexOf("حلب", StringComparison.Ordinal);

        var span = normalized.ToOriginal(start, 3);

        Assert.Equal("حَلَبٌ", span.Of(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void Folding_a_text_gives_the_text_of_its_normalized_form_short_or_long(int repeats)
    {
        // Long texts (whole articles) are folded through a buffer of their own rather than the stack.
        var text = string.Concat(Enumerable.Repeat("وقالَ ΑΘΗΝΑ: «حَلَبٌ» ۱۲ ABC‏ ", repeats));

        Assert.Equal(ArabicNormalizer.Normalize(text).Text, ArabicNormalizer.Fold(text));
        Assert.StartsWith("وقال αθηνα: «حلب» 12 abc ", ArabicNormalizer.Fold(text), StringComparison.Ordinal);
    }
}
