using NewsReader.Core.Search;
using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Search;

/// <summary>A re-scan reads only the articles that hold a spelling's words in some form: every form the recognizer
/// accepts must be among the terms, or an article that names the entity would be missed.</summary>
public class SpellingTermsTests
{
    [Theory]
    [InlineData("حلب", "وحلب")]
    [InlineData("حلب", "بحلب")]
    [InlineData("حلب", "وبحلب")]
    [InlineData("فرنسا", "بفرنسا")]
    [InlineData("فرنسا", "فرنسا")]
    [InlineData("الائتلاف", "للائتلاف")]
    [InlineData("الائتلاف", "وللائتلاف")]
    [InlineData("الائتلاف", "بالائتلاف")]
    [InlineData("لبنان", "ولبنان")]
    [InlineData("Aleppo", "aleppo")]
    public void Every_written_form_of_the_first_word_is_among_its_terms(string spelling, string written)
    {
        var terms = SpellingTerms.Of(spelling);

        Assert.Contains(IndexTerms.Word(ArabicStemmer.Stems(written).Single()), terms[0]);
    }

    [Fact]
    public void The_other_words_of_a_name_stand_as_they_are()
    {
        var terms = SpellingTerms.Of("ريف حلب الشرقي");

        Assert.Equal(3, terms.Count);
        Assert.Equal([IndexTerms.Word(ArabicStemmer.Stems("حلب").Single())], terms[1]);
        Assert.Equal([IndexTerms.Word(ArabicStemmer.Stems("الشرقي").Single())], terms[2]);
    }

    [Fact]
    public void A_spelling_without_a_word_has_no_terms() => Assert.Empty(SpellingTerms.Of(" ، "));
}
