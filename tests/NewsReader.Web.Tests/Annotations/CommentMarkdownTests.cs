using NewsReader.Web.Components.Annotations;

namespace NewsReader.Web.Tests.Annotations;

public class CommentMarkdownTests
{
    [Fact]
    public void Bold_and_links_render_and_links_are_hardened()
    {
        var html = CommentMarkdown.ToHtml("**مهم** see [the report](https://example.org/r?a=1&b=2)");

        Assert.Equal(
            "<p><strong>مهم</strong> see <a href=\"https://example.org/r?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">the report</a></p>\n",
            html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = CommentMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "click")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)", "data")]
    [InlineData("[vb](vbscript:msgbox)", "vb")]
    [InlineData("[relative](/articles/1)", "relative")]
    [InlineData("![tracker](javascript:alert(1))", "tracker")]
    public void Links_to_other_schemes_keep_only_their_text(string markdown, string text)
    {
        var html = CommentMarkdown.ToHtml(markdown);

        Assert.Equal($"<p>{text}</p>\n", html);
    }

    [Fact]
    public void Images_become_links_so_nothing_loads_by_itself()
    {
        var html = CommentMarkdown.ToHtml("![map](https://example.org/map.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/map.png\" rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Mail_links_survive_and_autolinks_are_hardened()
    {
        Assert.Contains("href=\"mailto:desk@example.org\"", CommentMarkdown.ToHtml("[desk](mailto:desk@example.org)"), StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", CommentMarkdown.ToHtml("<https://example.org>"), StringComparison.Ordinal);
    }
}
