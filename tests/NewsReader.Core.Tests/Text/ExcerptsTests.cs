using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class ExcerptsTests
{
    [Fact]
    public void A_short_text_is_its_own_excerpt() => Assert.Equal("خبر قصير", Excerpts.Opening("  خبر قصير "));

    [Fact]
    public void A_long_text_is_cut_at_a_word_boundary_with_an_ellipsis()
    {
        var text = string.Join(" ", Enumerable.Repeat("كلمة،", 100));

        var excerpt = Excerpts.Opening(text, maxLength: 50);

        Assert.EndsWith("كلمة…", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= 51);
        Assert.StartsWith(excerpt[..^1], text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 9) + "😀" + new string('b', 40);

        var excerpt = Excerpts.Opening(text, maxLength: 10);

        Assert.Equal(new string('a', 9) + "…", excerpt);
    }
}
