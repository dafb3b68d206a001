namespace NewsReader.Core.Importing.Syndication;

/// <summary>A feed as read: its format (rss, rdf, atom, json), its own title, link and language, and its entries.</summary>
public sealed record ParsedFeed(string Format, string? Title, string? Link, string? Language, IReadOnlyList<FeedEntry> Entries);

/// <summary>One entry of a feed, before it is an article. <see cref="Title"/> is text; the content is HTML
/// (<see cref="Html"/>) or text (<see cref="Text"/>), the fullest the entry has; <see cref="Published"/> is null when the
/// entry gives no date that reads as one.</summary>
public sealed record FeedEntry(string? Title, string? Link, string? Id, DateTimeOffset? Published, string? Html, string? Text, string? Language);
