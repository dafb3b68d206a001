using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

using NewsReader.Core.Articles;

namespace NewsReader.Core.Importing;

/// <summary>One item of a feed: an article to import, or the reason it cannot be one.</summary>
public sealed record FeedItem(string Name, ArticleDraft? Draft, string? Problem);

/// <summary>Reads RSS 2.0 and Atom 1.0 feeds (System.ServiceModel.Syndication): each item's title, date, link and
/// content (HTML content becomes text with its paragraphs). A feed that cannot be read is refused whole, with the
/// reason; an item without text is reported on its own and the others still come.</summary>
public static class Feeds
{
    /// <summary>A feed holds many articles, each at most <see cref="ArticleFiles.MaxFileBytes"/>.</summary>
    public const int MaxFeedBytes = 4 * ArticleFiles.MaxFileBytes;

    public static IReadOnlyList<string> Extensions { get; } = [".xml", ".rss", ".atom"];

    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static bool IsFeedFile(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    public static IReadOnlyList<FeedItem> Read(string name, ReadOnlySpan<byte> content, DateTimeOffset fallbackDate)
    {
        var text = ArticleFiles.Decode(name, content, MaxFeedBytes);
        SyndicationFeed feed;
        try
        {
            // No DTDs and no external entities: a feed is data from elsewhere.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException)
        {
            throw new InvalidDataException($"{name}: not an RSS 2.0 or Atom feed ({e.Message}).", e);
        }

        var source = feed.Title?.Text is { Length: > 0 } title ? title : ArticleFiles.DefaultSource;
        return feed.Items.Select((item, index) => ReadItem(item, index, name, source, feed.Language, fallbackDate)).ToList();
    }

    private static FeedItem ReadItem(SyndicationItem item, int index, string feedName, string source, string? language, DateTimeOffset fallbackDate)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();
        var name = $"{feedName} item {index + 1}" + (item.Title?.Text is { Length: > 0 } t ? $" “{t}”" : "");
        var html = item.ElementExtensions.Where(e => e.OuterName == "encoded" && e.OuterNamespace == ContentModule)
            .Select(e => e.GetObject<XElement>().Value).FirstOrDefault()
            ?? (item.Content as TextSyndicationContent)?.Text
            ?? item.Summary?.Text;
        var isText = item.Content is TextSyndicationContent { Type: "text" };
        var (body, _) = html is null ? ("", new ArticleMetadata()) : isText ? (html.Trim(), new ArticleMetadata()) : ArticleText.FromHtml(html);
        if (string.IsNullOrWhiteSpace(body))
        {
            return new FeedItem(name, null, $"{name}: the item has no text.");
        }

        var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : fallbackDate;
        var metadata = new ArticleMetadata(
            Title: item.Title?.Text,
            Source: source,
            Language: string.IsNullOrWhiteSpace(language) ? null : language,
            PublishedAt: published,
            Link: link);
        try
        {
            var key = link ?? $"feed:{feedName}:{item.Id ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return new FeedItem(name, ArticleFiles.ToDraft(metadata, body, key, fallbackDate, name), null);
        }
        catch (InvalidDataException e)
        {
            return new FeedItem(name, null, e.Message);
        }
    }
}
