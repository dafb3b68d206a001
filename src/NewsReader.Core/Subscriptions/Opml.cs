using System.Xml;
using System.Xml.Linq;

namespace NewsReader.Core.Subscriptions;

/// <summary>One subscription in an OPML file: the feed's address, its title and its site.</summary>
public sealed record OpmlOutline(string Url, string? Title, string? SiteUrl);

/// <summary>OPML 2.0, the format feed readers trade subscriptions in: written with every feed as an
/// <c>&lt;outline type="rss"&gt;</c>, read from any nesting of outlines that carry an <c>xmlUrl</c>.</summary>
public static class Opml
{
    public const int MaxBytes = 1024 * 1024;

    public static string Write(string title, IEnumerable<OpmlOutline> feeds, DateTimeOffset created)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml",
                new XAttribute("version", "2.0"),
                new XElement("head",
                    new XElement("title", title),
                    new XElement("dateCreated", created.ToString("r", System.Globalization.CultureInfo.InvariantCulture))),
                new XElement("body", feeds.Select(f => new XElement("outline",
                    new XAttribute("type", "rss"),
                    new XAttribute("text", f.Title ?? f.Url),
                    new XAttribute("title", f.Title ?? f.Url),
                    new XAttribute("xmlUrl", f.Url),
                    f.SiteUrl is null ? null : new XAttribute("htmlUrl", f.SiteUrl))))));
        return document.Declaration + "\n" + document.ToString();
    }

    /// <summary>The feeds an OPML file lists; an <see cref="InvalidDataException"/> when it is not OPML.</summary>
    public static IReadOnlyList<OpmlOutline> Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            document = XDocument.Load(XmlReader.Create(new StringReader(xml), settings));
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"not well-formed XML (line {e.LineNumber}): not an OPML file.", e);
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            throw new InvalidDataException("not an OPML file: its root is not <opml>.");
        }

        return document.Descendants().Where(e => e.Name.LocalName == "outline" && e.Attribute("xmlUrl") is not null)
            .Select(e => new OpmlOutline(
                e.Attribute("xmlUrl")!.Value.Trim(),
                Blank((string?)e.Attribute("title")) ?? Blank((string?)e.Attribute("text")),
                Blank((string?)e.Attribute("htmlUrl"))))
            .ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
