using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class TextDirectionsTests
{
    [Theory]
    [InlineData("ar", "any text", TextDirection.Rtl)]
    [InlineData("ar-SY", "", TextDirection.Rtl)]
    [InlineData("FA", "", TextDirection.Rtl)]
    [InlineData("en", "English text", TextDirection.Ltr)]
    [InlineData("und", "2016 حلب", TextDirection.Rtl)]
    [InlineData("und", "« Paris » حلب", TextDirection.Ltr)]
    public void Direction_follows_the_language_then_the_first_strong_character(
        string language, string text, TextDirection expected) =>
        Assert.Equal(expected, TextDirections.ForLanguage(language, text));

    [Fact]
    public void Html_values_are_lower_case() =>
        Assert.Equal(("rtl", "ltr"), (TextDirection.Rtl.ToHtml(), TextDirection.Ltr.ToHtml()));
}
