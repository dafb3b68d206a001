using NewsReader.Core.Articles;
using NewsReader.Core.Importing.Syndication;

namespace NewsReader.Core.Importing;

/// <summary>One item of a feed: an article to import, or the reason it cannot be one.</summary>
public sealed record FeedItem(string Name, ArticleDraft? Draft, string? Problem);

/// <summary>A feed's items as article drafts (<see cref="FeedParser"/> reads the feed): the fullest content as text with
/// its paragraphs, the title as text, the date when the feed gives one (else the date is unknown and the import's time
/// stands in for ordering), and the link as the key. Nothing a feed sends is dropped for what it lacks: an item without
/// text is kept as a title-and-link article (its title stands for its text), one without a title takes its text's
/// first line or its link, and one with neither is an untitled stub (several such stubs are one duplicate). A feed that
/// cannot be read is refused whole with the reason; a bad item is reported on its own and the others still come.</summary>
public static class Feeds
{
    /// <summary>A feed holds many articles, each at most <see cref="ArticleFiles.MaxFileBytes"/>.</summary>
    public const int MaxFeedBytes = 4 * ArticleFiles.MaxFileBytes;

    public static IReadOnlyList<string> Extensions { get; } = [".xml", ".rss", ".atom", ".rdf", ".json"];

    /// <summary>The title of an item that has no title, text or link.</summary>
    public const string UntitledItem = "Untitled item";

    public static bool IsFeedFile(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>Reads a feed's bytes; <paramref name="contentType"/> (from HTTP) may name the charset, and
    /// <paramref name="address"/> (where it came from) resolves relative links.</summary>
    public static IReadOnlyList<FeedItem> Read(string name, ReadOnlySpan<byte> content, DateTimeOffset fallbackDate, string? contentType = null, Uri? address = null) =>
        Items(name, Parse(name, content, contentType, address), fallbackDate);

    /// <summary>The feed as read, or an <see cref="InvalidDataException"/> that says why it is not one.</summary>
    public static ParsedFeed Parse(string name, ReadOnlySpan<byte> content, string? contentType = null, Uri? address = null)
    {
        if (content.Length == 0)
        {
            throw new InvalidDataException($"{name}: the feed is empty.");
        }

        if (content.Length > MaxFeedBytes)
        {
            throw new InvalidDataException($"{name}: the feed is larger than {MaxFeedBytes / 1024 / 1024} MiB.");
        }

        try
        {
            return FeedParser.Parse(FeedText.Decode(content, contentType).Text, address);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }
    }

    public static IReadOnlyList<FeedItem> Items(string name, ParsedFeed feed, DateTimeOffset fallbackDate)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var source = feed.Title is { Length: > 0 } title ? Truncate(title, ArticleDraft.MaxSourceLength) : ArticleFiles.DefaultSource;
        return feed.Entries.Select((entry, index) => Item(entry, index, name, source, feed.Language, fallbackDate)).ToList();
    }

    private static FeedItem Item(FeedEntry entry, int index, string feedName, string source, string? language, DateTimeOffset fallbackDate)
    {
        var name = $"{feedName} item {index + 1}" + (entry.Title is { Length: > 0 } t ? $" “{Truncate(t, 80)}”" : "");
        var body = entry.Html is { } html ? ArticleText.FromHtml(html).Body : entry.Text?.Trim() ?? "";
        var title = entry.Title ?? (string.IsNullOrWhiteSpace(body) ? entry.Link ?? UntitledItem : null);
        if (string.IsNullOrWhiteSpace(body))
        {
            // The reader shows the title and the link: the title stands for the text it does not have.
            body = title!;
        }

        var metadata = new ArticleMetadata(
            Title: title is null ? null : Truncate(title, ArticleDraft.MaxTitleLength),
            Source: source,
            Language: Language(entry.Language ?? language),
            PublishedAt: entry.Published,
            Link: entry.Link is { Length: <= 200 } link ? link : null);
        try
        {
            var key = metadata.Link ?? (entry.Id is { Length: <= 200 } id && Uri.IsWellFormedUriString(id, UriKind.Absolute) ? id : null)
                ?? $"feed:{Truncate(feedName, 100)}:{Truncate(entry.Id ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture), 90)}";
            return new FeedItem(name, ArticleFiles.ToDraft(metadata, body, key, fallbackDate, name), null);
        }
        catch (InvalidDataException e)
        {
            return new FeedItem(name, null, e.Message);
        }
    }

    /// <summary>A language tag as articles keep it (ar, en-GB), or null to guess it from the text.</summary>
    private static string? Language(string? tag) =>
        string.IsNullOrWhiteSpace(tag) || tag.Trim().Length > 35 ? null : tag.Trim();

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
