using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NewsReader.Core.Importing.Syndication;

/// <summary>Reads the feeds the web writes: RSS 0.90 to 2.0 (with or without a channel, with Dublin Core, content:encoded
/// and xhtml:body), RSS 1.0 (RDF), Atom 0.3 and 1.0 (text, html, xhtml, escaped and base64 content, xml:base) and JSON
/// Feed. Elements are found by their local names within the feed's own vocabularies, so an unexpected namespace or
/// order does not lose them. A document that is not well-formed XML, or not a feed, is refused with the reason in an
/// <see cref="InvalidDataException"/>; DTDs are skipped, never read, and HTML's named entities are understood.</summary>
public static partial class FeedParser
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static readonly XNamespace XmlNs = XNamespace.Xml;

    /// <summary>The namespaces an RSS document's own elements may be in.</summary>
    private static readonly XNamespace[] RssOwn = [XNamespace.None, Rss10, Rss090];

    private static readonly XNamespace[] AtomOwn = [Atom10, Atom03, XNamespace.None];

    public static ParsedFeed Parse(string text, Uri? address = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{'))
        {
            return Json(trimmed, address);
        }

        var root = Load(trimmed).Root ?? throw new InvalidDataException("the document is empty.");
        return root.Name.LocalName switch
        {
            "rss" or "channel" => Rss(root, "rss", address),
            "RDF" => Rss(root, "rdf", address),
            "feed" => Atom(root, address),
            _ => throw new InvalidDataException($"not a feed: the document is <{root.Name.LocalName}>, not RSS, Atom or JSON Feed."),
        };
    }

    private static XDocument Load(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = 64L * 1024 * 1024,
        };
        try
        {
            return XDocument.Load(XmlReader.Create(new StringReader(NumericEntities(text)), settings), LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"not well-formed XML (line {e.LineNumber}, column {e.LinePosition}: {FirstSentence(e.Message)}).", e);
        }
    }

    /// <summary>HTML's named entities (&amp;nbsp;, &amp;eacute;) as numeric references, which XML needs no DTD for.</summary>
    private static string NumericEntities(string text) => text.Contains('&', StringComparison.Ordinal)
        ? NamedEntity().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }

            var decoded = System.Net.WebUtility.HtmlDecode(m.Value);
            return decoded == m.Value ? "&amp;" + name + ";" : string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
        })
        : text;

    private static ParsedFeed Rss(XElement root, string format, Uri? address)
    {
        var channel = Own(root, RssOwn, "channel") ?? (root.Name.LocalName == "channel" ? root : null);
        var items = Children(channel, RssOwn, "item").Concat(Children(root == channel ? null : root, RssOwn, "item")).ToList();
        var feedLink = Text(Own(channel, RssOwn, "link")) ?? AtomLink(channel);
        var baseUri = ResolveUri(address, feedLink) ?? address;
        var language = Text(Own(channel, RssOwn, "language")) ?? Text(channel?.Element(Dc + "language")) ?? Lang(channel);
        return new ParsedFeed(
            format,
            TitleText(Own(channel, RssOwn, "title")) ?? TitleText(channel?.Element(Dc + "title")),
            feedLink,
            language,
            items.Select(item => RssEntry(item, baseUri)).ToList());
    }

    private static FeedEntry RssEntry(XElement item, Uri? baseUri)
    {
        var guid = Own(item, RssOwn, "guid");
        var guidIsLink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var link = Text(Own(item, RssOwn, "link"))
            ?? AtomLink(item)
            ?? (guidIsLink && LooksLikeUrl(Text(guid)) ? Text(guid) : null)
            ?? (string?)item.Attribute(Rdf + "about");
        var date = FeedDates.Parse(Text(Own(item, RssOwn, "pubDate")))
            ?? FirstDate(item, Dc + "date", DcTerms + "issued", DcTerms + "created", DcTerms + "modified", DcTerms + "date",
                Atom10 + "published", Atom10 + "updated");
        var xhtmlBody = item.Element(Xhtml + "body") ?? item.Element(Xhtml + "div");
        var html = Text(item.Element(Content + "encoded"))
            ?? (xhtmlBody is null ? null : Inner(xhtmlBody))
            ?? AtomContent(item.Element(Atom10 + "content")).Html
            ?? Text(Own(item, RssOwn, "description"))
            ?? Text(item.Element(Dc + "description"))
            ?? AtomContent(item.Element(Atom10 + "summary")).Html
            ?? Text(item.Element(Itunes + "summary"));
        return new FeedEntry(
            TitleText(Own(item, RssOwn, "title")) ?? TitleText(item.Element(Dc + "title")) ?? AtomTitle(item.Element(Atom10 + "title")),
            Resolve(Base(item, baseUri), link),
            Text(guid) ?? (string?)item.Attribute(Rdf + "about") ?? link,
            date,
            html,
            null,
            Lang(item) ?? Text(item.Element(Dc + "language")));
    }

    private static ParsedFeed Atom(XElement feed, Uri? address)
    {
        var baseUri = Base(feed, address);
        var feedLink = AtomLink(feed);
        return new ParsedFeed(
            "atom",
            AtomTitle(Own(feed, AtomOwn, "title")),
            Resolve(baseUri, feedLink),
            Lang(feed),
            Children(feed, AtomOwn, "entry").Select(entry => AtomEntry(entry, baseUri)).ToList());
    }

    private static FeedEntry AtomEntry(XElement entry, Uri? feedBase)
    {
        var baseUri = Base(entry, feedBase);
        var sniff = entry.Name.Namespace == Atom03 || entry.Parent?.Attribute("version") is not null;
        var content = AtomContent(Own(entry, AtomOwn, "content"), sniff);
        var summary = AtomContent(Own(entry, AtomOwn, "summary"), sniff);
        var date = FirstDate(entry, [.. AtomOwn.SelectMany(ns => new[] { ns + "published", ns + "issued", ns + "created", ns + "updated", ns + "modified" })])
            ?? FirstDate(entry, Dc + "date");
        return new FeedEntry(
            AtomTitle(Own(entry, AtomOwn, "title")),
            Resolve(baseUri, AtomLink(entry)),
            Text(Own(entry, AtomOwn, "id")),
            date,
            content.Html ?? (content.Text is null ? summary.Html : null),
            content.Text ?? (content.Html is null ? summary.Text : null),
            Lang(entry));
    }

    /// <summary>Atom content or summary, by its type (text, html, xhtml, or a media type) and Atom 0.3's mode (escaped,
    /// base64, xml); content that only points elsewhere (src) has nothing here. Atom 0.3's text, which writers filled
    /// with HTML as often as not, is read as HTML when it holds markup (<paramref name="sniff"/>).</summary>
    private static (string? Html, string? Text) AtomContent(XElement? element, bool sniff = false)
    {
        if (element is null || element.Attribute("src") is not null)
        {
            return (null, null);
        }

        var type = ((string?)element.Attribute("type") ?? "text").ToLowerInvariant();
        var mode = ((string?)element.Attribute("mode") ?? "").ToLowerInvariant();
        if (mode == "base64")
        {
            var decoded = Base64(element.Value);
            return type.Contains("html", StringComparison.Ordinal) || (sniff && LooksLikeHtml(decoded)) ? (decoded, null) : (null, decoded);
        }

        // Atom 1.0: a media type that is neither text nor XML is carried in Base64.
        if (element.Name.Namespace == Atom10 && type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal)
            && !type.EndsWith("xml", StringComparison.Ordinal) && Base64(element.Value) is { } carried)
        {
            return LooksLikeHtml(carried) ? (carried, null) : (null, Blank(carried));
        }

        if (type is "xhtml" or "application/xhtml+xml" || mode == "xml")
        {
            var div = element.Element(Xhtml + "div");
            var html = div is not null ? Inner(div) : Inner(element);
            return (Blank(html), null);
        }

        return type is "html" or "text/html" || mode == "escaped" || (sniff && LooksLikeHtml(element.Value))
            ? (Blank(element.Value), null)
            : (null, Blank(element.Value));
    }

    private static bool LooksLikeHtml(string? text) => text is not null && HtmlMarkup().IsMatch(text);

    private static string? AtomTitle(XElement? title)
    {
        var (html, text) = AtomContent(title, title?.Name.Namespace == Atom03);
        return html is not null ? HtmlText(html) : Collapse(text);
    }

    /// <summary>The alternate link (rel="alternate" or none), preferring an HTML one.</summary>
    private static string? AtomLink(XElement? parent)
    {
        if (parent is null)
        {
            return null;
        }

        var links = parent.Elements().Where(e => e.Name.LocalName == "link" && (e.Name.Namespace == Atom10 || e.Name.Namespace == Atom03 || e.Name.Namespace == XNamespace.None)
                && e.Attribute("href") is not null)
            .Where(e => ((string?)e.Attribute("rel") ?? "alternate") == "alternate")
            .ToList();
        return (links.FirstOrDefault(l => ((string?)l.Attribute("type"))?.Contains("html", StringComparison.OrdinalIgnoreCase) == true) ?? links.FirstOrDefault())
            ?.Attribute("href")?.Value.Trim();
    }

    private static ParsedFeed Json(string text, Uri? address)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "version")?.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal) != true)
            {
                throw new InvalidDataException("not a feed: JSON, but not a JSON Feed (no jsonfeed.org version).");
            }

            var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            return new ParsedFeed(
                "json",
                Collapse(Str(root, "title")),
                Str(root, "home_page_url"),
                Str(root, "language"),
                items.Where(i => i.ValueKind == JsonValueKind.Object).Select(item => new FeedEntry(
                    Collapse(Str(item, "title")),
                    Resolve(address, Str(item, "url") ?? Str(item, "external_url")),
                    Str(item, "id"),
                    FeedDates.Parse(Str(item, "date_published")) ?? FeedDates.Parse(Str(item, "date_modified")),
                    Blank(Str(item, "content_html")) ?? (Str(item, "content_text") is null ? Blank(Str(item, "summary")) : null),
                    Blank(Str(item, "content_text")),
                    Str(item, "language"))).ToList());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not well-formed JSON ({FirstSentence(e.Message)}).", e);
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The first child with the local name in one of the document's own namespaces.</summary>
    private static XElement? Own(XElement? parent, XNamespace[] namespaces, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name && namespaces.Contains(e.Name.Namespace));

    private static IEnumerable<XElement> Children(XElement? parent, XNamespace[] namespaces, string name) =>
        parent?.Elements().Where(e => e.Name.LocalName == name && namespaces.Contains(e.Name.Namespace)) ?? [];

    /// <summary>The first of the names that has a date; of several elements of one name, the last (as feedparser reads them).</summary>
    private static DateTimeOffset? FirstDate(XElement parent, params XName[] names) =>
        names.Select(n => FeedDates.Parse(Text(parent.Elements(n).LastOrDefault()))).FirstOrDefault(d => d is not null);

    private static string? Text(XElement? element) => element is null ? null : Blank(element.Value.Trim());

    /// <summary>A title as text: RSS titles often carry escaped HTML, which a reader should see as text.</summary>
    private static string? TitleText(XElement? element) => Text(element) is { } text ? HtmlText(text) : null;

    /// <summary>HTML (or text with entities) as the text a browser shows, white space collapsed.</summary>
    public static string? HtmlText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return Collapse(html);
        }

        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        return Collapse(document.Body?.TextContent);
    }

    private static string Inner(XElement element) =>
        string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));

    private static string? Lang(XElement? element) =>
        element?.AncestorsAndSelf().Select(e => (string?)e.Attribute(XmlNs + "lang")).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));

    /// <summary>The base URI in force at an element: its own and its ancestors' xml:base over the document's address.</summary>
    private static Uri? Base(XElement element, Uri? fallback)
    {
        var bases = element.AncestorsAndSelf().Select(e => (string?)e.Attribute(XmlNs + "base")).OfType<string>().Reverse();
        var current = fallback;
        foreach (var value in bases)
        {
            current = Uri.TryCreate(current, value.Trim(), out var next) && current is not null ? next
                : Uri.TryCreate(value.Trim(), UriKind.Absolute, out var absolute) ? absolute
                : current;
        }

        return current;
    }

    private static string? Resolve(Uri? baseUri, string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var trimmed = link.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            // As written: a link is the article's key, and the same link must give the same key.
            return trimmed;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, trimmed, out var resolved) ? resolved.ToString() : trimmed;
    }

    private static Uri? ResolveUri(Uri? address, string? link) =>
        Resolve(address, link) is { } resolved && Uri.TryCreate(resolved, UriKind.Absolute, out var uri) ? uri : null;

    private static bool LooksLikeUrl(string? text) => text is not null && (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static string? Base64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Collapse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*[\s>/]|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")]
    private static partial Regex HtmlMarkup();

    [GeneratedRegex("&([A-Za-z][A-Za-z0-9]{0,31});")]
    private static partial Regex NamedEntity();
}
