namespace NewsReader.Core.Importing;

/// <summary>The text of an article's own page, for a feed that carries only a summary: the page's main content as
/// Mozilla's Readability finds it (SmartReader), with its paragraphs; when Readability finds nothing readable, the
/// page's article or main element as <see cref="ArticleText"/> reads it.</summary>
public static class FullText
{
    /// <summary>The page's text, or null when it has none. A first paragraph that repeats the article's title (the
    /// page's headline) is left out: the reader shows the title already.</summary>
    public static string? Extract(string html, Uri page, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        var article = new SmartReader.Reader(page.AbsoluteUri, html).GetArticle();
        var body = article.IsReadable && !string.IsNullOrWhiteSpace(article.Content)
            ? ArticleText.FromHtml(article.Content).Body
            : ArticleText.FromHtml(html).Body;
        var paragraphs = body.Split("\n\n").ToList();
        if (paragraphs.Count > 1 && (paragraphs[0] == title || paragraphs[0] == article.Title))
        {
            paragraphs.RemoveAt(0);
        }

        var text = string.Join("\n\n", paragraphs);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
