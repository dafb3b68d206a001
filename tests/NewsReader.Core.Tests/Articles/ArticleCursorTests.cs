using NewsReader.Core.Articles;

namespace NewsReader.Core.Tests.Articles;

public class ArticleCursorTests
{
    [Fact]
    public void A_cursor_comes_back_as_it_went_out_in_UTC()
    {
        var cursor = ArticleCursor.After(new DateTimeOffset(2016, 12, 1, 9, 30, 0, TimeSpan.FromHours(3)), 42);

        Assert.True(ArticleCursor.TryDecode(cursor.Encode(), out var read));
        Assert.Equal(cursor, read);
        Assert.Equal(TimeSpan.Zero, read.PublishedAt.Offset);
        Assert.Equal(new DateTimeOffset(2016, 12, 1, 6, 30, 0, TimeSpan.Zero), read.PublishedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cursor")]
    [InlineData("MS4xMjM")]
    [InlineData("Mi4xMjMuNA")]
    [InlineData("MS4tMTIzLjQ")]
    [InlineData("MS45OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ")]
    [InlineData("%%%")]
    public void Anything_the_app_did_not_make_is_refused(string token) =>
        Assert.False(ArticleCursor.TryDecode(token, out _));

    [Fact]
    public void A_cursor_is_a_short_token_safe_in_an_address()
    {
        var token = ArticleCursor.After(DateTimeOffset.UnixEpoch.AddYears(50), int.MaxValue).Encode();

        Assert.InRange(token.Length, 10, 48);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }
}
