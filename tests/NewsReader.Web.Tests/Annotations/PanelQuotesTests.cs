using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;
using NewsReader.Web.Components.Annotations;

namespace NewsReader.Web.Tests.Annotations;

public sealed class PanelQuotesTests
{
    private static VisibleAnnotation Of(string exact) =>
        new(new Annotation { OwnerId = "r", Exact = exact, Prefix = "", Suffix = "", Start = 0, End = exact.Length }, "a reader", IsOwn: false);

    [Fact]
    public void Short_quotes_are_kept_as_they_are_and_long_ones_end_at_a_word_with_an_ellipsis()
    {
        var words = string.Join(' ', Enumerable.Repeat("كلمة", 200));
        var list = PanelQuotes.Shortened([Of("هدنة في حلب"), Of(words)]);

        Assert.Equal("هدنة في حلب", list[0].Annotation.Exact);
        var shown = list[1].Annotation.Exact;
        Assert.InRange(shown.Length, PanelQuotes.MaxLength / 2, PanelQuotes.MaxLength);
        Assert.EndsWith("كلمة…", shown, StringComparison.Ordinal);
        Assert.Equal((0, words.Length), (list[1].Annotation.Start, list[1].Annotation.End));
    }

    [Fact]
    public void A_quote_without_spaces_is_never_cut_inside_a_surrogate_pair()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 300));
        var shown = Assert.Single(PanelQuotes.Shortened([Of(emoji)])).Annotation.Exact;

        Assert.False(char.IsHighSurrogate(shown[^2]));
        Assert.True(shown.Length <= PanelQuotes.MaxLength);
    }
}
