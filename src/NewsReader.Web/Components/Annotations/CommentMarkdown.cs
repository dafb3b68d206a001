using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Web.Components.Annotations;

/// <summary>Renders a reader's comment from Markdown to HTML that is safe to show to anyone: raw HTML is
/// escaped, links keep only http, https and mailto targets and carry rel="nofollow noopener noreferrer",
/// and images become links, so a comment never loads anything by itself.</summary>
public static class CommentMarkdown
{
    public const int MaxLength = 10_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly string[] SafeSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                Unwrap(link);
                continue;
            }

            link.IsImage = false;
            Harden(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                Harden(autolink);
            }
            else
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    private static void Harden(Inline link)
    {
        var attributes = link.GetAttributes();
        attributes.AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
        attributes.AddPropertyIfNotExist("target", "_blank");
    }

    /// <summary>Keeps a refused link's text (or an image's description) and drops the link.</summary>
    private static void Unwrap(LinkInline link)
    {
        var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        link.ReplaceBy(new LiteralInline(text), copyChildren: false);
    }
}
