using AngleSharp.Html.Parser;

namespace NewsReader.Core.Importing.Syndication;

/// <summary>A web page's own feed: the first <c>&lt;link rel="alternate"&gt;</c> of an RSS, Atom or JSON Feed type,
/// resolved against the page's address (and its <c>&lt;base&gt;</c>).</summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml", "application/json"];

    /// <summary>Whether a response is a web page rather than a feed: by its type, or by its first tag.</summary>
    public static bool IsPage(string? contentType, ReadOnlySpan<byte> body)
    {
        if (contentType is { } type && (type.Contains("text/html", StringComparison.OrdinalIgnoreCase) || type.Contains("xhtml", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var head = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    public static Uri? Find(string html, Uri page)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        var baseUri = Uri.TryCreate(page, document.QuerySelector("base[href]")?.GetAttribute("href") ?? "", out var b) ? b : page;
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttribute("type")?.Split(';')[0].Trim().ToLowerInvariant();
            if (rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) && type is not null && FeedTypes.Contains(type)
                && Uri.TryCreate(baseUri, link.GetAttribute("href")!.Trim(), out var feed) && feed.Scheme is "http" or "https")
            {
                return feed;
            }
        }

        return null;
    }
}
