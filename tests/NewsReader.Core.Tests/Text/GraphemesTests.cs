using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class GraphemesTests
{
    [Theory]
    [InlineData("قال أنَ الأمر", 4, 6, "أنَ")] // ends between the nun and its fatha
    [InlineData("قال أنَ الأمر", 6, 13, "نَ الأمر")] // starts on the fatha alone
    [InlineData("حَلَب", 0, 1, "حَ")]
    [InlineData("حَلَب", 1, 3, "حَلَ")]
    [InlineData("news 👍🏽 now", 5, 6, "👍🏽")] // half a surrogate pair, and its skin tone
    [InlineData("plain text", 2, 6, "ain ")]
    public void A_passage_is_widened_to_whole_graphemes(string text, int start, int end, string expected)
    {
        var span = Graphemes.Widen(text, start, end);

        Assert.Equal(expected, span.Of(text));
    }

    [Fact]
    public void Whole_graphemes_are_left_as_they_are()
    {
        const string text = "لسنا شركاء بشار الاسد";

        Assert.Equal(new TextSpan(5, 5), Graphemes.Widen(text, 5, 10));
        Assert.Equal(new TextSpan(0, text.Length), Graphemes.Widen(text, 0, text.Length));
    }
}
