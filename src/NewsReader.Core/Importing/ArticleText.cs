using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Core.Importing;

/// <summary>Plain text with its paragraphs (separated by a blank line) from Markdown and from HTML, read by real
/// parsers: Markdig for Markdown, AngleSharp for HTML. Nothing of the markup survives: no tag, no script, no style.</summary>
public static class ArticleText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>Elements whose text is never part of an article.</summary>
    private const string Chrome = "script, style, noscript, template, nav, aside, footer, form, iframe, svg, math, button, select, textarea, object, embed, canvas, dialog";

    /// <summary>Elements that hold a paragraph of text each.</summary>
    private const string TextBlocks = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, figcaption, td, th";

    /// <summary>The text of a Markdown document, and its first top-level heading (a title).</summary>
    public static (string Body, string? Heading) FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var paragraphs = new List<string>();
        string? heading = null;
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is HeadingBlock { Level: 1 } first && heading is null && paragraphs.Count == 0)
            {
                heading = InlineText(first.Inline);
                continue;
            }

            var text = block switch
            {
                CodeBlock code => string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())).Trim(),
                HtmlBlock => "",
                _ => InlineText(block.Inline),
            };
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        return (string.Join("\n\n", paragraphs), heading);
    }

    /// <summary>The main text of an HTML page (its <c>article</c>, or <c>main</c>, or else its body, without
    /// navigation and other page furniture), and what its head says about it.</summary>
    public static (string Body, ArticleMetadata Metadata) FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        var metadata = new ArticleMetadata(
            Title: Meta(document, "og:title") ?? Clean(document.Title) ?? Clean(document.QuerySelector("h1")?.TextContent),
            Source: Meta(document, "og:site_name") ?? Meta(document, "author"),
            Language: Clean(document.DocumentElement.GetAttribute("lang")),
            PublishedAt: Date(Meta(document, "article:published_time") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
            Link: Clean(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Meta(document, "og:url"));

        var root = document.QuerySelector("article") ?? document.QuerySelector("main, [role=main]") ?? document.Body;
        if (root is null)
        {
            return ("", metadata);
        }

        foreach (var element in root.QuerySelectorAll(Chrome).ToList())
        {
            element.Remove();
        }

        if (root == document.Body)
        {
            foreach (var element in root.QuerySelectorAll("header").ToList())
            {
                element.Remove();
            }
        }

        // Only innermost blocks: a list item holding paragraphs gives its paragraphs, not itself again.
        var blocks = root.QuerySelectorAll(TextBlocks).Where(b => b.QuerySelector(TextBlocks) is null);
        var paragraphs = blocks.Select(b => Clean(b.TextContent)).OfType<string>()
            .Where(p => !string.Equals(p, metadata.Title, StringComparison.Ordinal))
            .ToList();
        if (paragraphs.Count == 0 && Clean(root.TextContent) is { } loose)
        {
            paragraphs.Add(loose);
        }

        return (string.Join("\n\n", paragraphs), metadata);
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var node in inline.Descendants())
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return Clean(text.ToString()) ?? "";
    }

    private static string? Meta(IDocument document, string name) =>
        Clean(document.QuerySelectorAll("meta").FirstOrDefault(m => m.GetAttribute("property") == name || m.GetAttribute("name") == name)?.GetAttribute("content"));

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>White space collapsed, as a browser shows it; null when nothing is left.</summary>
    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
