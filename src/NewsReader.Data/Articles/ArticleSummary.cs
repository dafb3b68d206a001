using NewsReader.Core.Text;

namespace NewsReader.Data.Articles;

/// <summary>An article as a list shows it: everything but the full body, and whether the reader has read or saved it.</summary>
public sealed record ArticleSummary(
    int Id,
    string Title,
    string Language,
    TextDirection Direction,
    string Source,
    string? Dateline,
    DateTimeOffset PublishedAt,
    string Excerpt,
    bool IsRead = false,
    bool IsSaved = false,
    bool DateKnown = true);
