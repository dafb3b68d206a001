using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class ArabicCliticsTests
{
    [Theory]
    [InlineData("وحلب", 1, "حلب")]
    [InlineData("بحلب", 1, "حلب")]
    [InlineData("لروسيا", 1, "روسيا")]
    [InlineData("بالايتلاف", 1, "الايتلاف")]
    [InlineData("والولايات", 1, "الولايات")]
    [InlineData("فبالمدينه", 2, "المدينه")]
    [InlineData("وكالعاده", 2, "العاده")]
    [InlineData("ولموسكو", 2, "موسكو")]
    public void Proclitics_are_read_off_the_front_of_a_word(string word, int prefix, string stem) =>
        Assert.Contains((prefix, stem), ArabicClitics.Stems(word));

    [Fact]
    public void Lam_lam_is_read_as_the_preposition_before_the_article() =>
        Assert.Contains((1, "الايتلاف"), ArabicClitics.Stems("للايتلاف"));

    [Fact]
    public void The_word_itself_is_always_the_first_reading() =>
        Assert.Equal((0, "باريس"), ArabicClitics.Stems("باريس")[0]);

    [Theory]
    [InlineData("في")]
    [InlineData("وب")]
    [InlineData("لي")]
    public void Short_words_are_not_eaten_away(string word) => Assert.Equal([(0, word)], ArabicClitics.Stems(word));
}
