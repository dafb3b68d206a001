using NewsReader.Core.Text;

namespace NewsReader.Core.Articles;

/// <summary>A news article as stored. <see cref="Body"/> is kept exactly as received: every offset
/// in the application (mentions, annotations, snippets) is a UTF-16 index into it.</summary>
public sealed class Article
{
    public int Id { get; set; }

    /// <summary>Identifies where the article came from (a seed file's name, later a feed link),
    /// so that importing it again updates it instead of adding a copy.</summary>
    public required string SourceKey { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>BCP 47 language tag of the body, such as <c>ar</c> or <c>en</c>.</summary>
    public required string Language { get; set; }

    public TextDirection Direction { get; set; }

    /// <summary>Who supplied the text, such as a wire service.</summary>
    public required string Source { get; set; }

    /// <summary>Where the story was filed from, in the article's own language.</summary>
    public string? Dateline { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>False when the source gave no date: <see cref="PublishedAt"/> is then when the article arrived.</summary>
    public bool DateKnown { get; set; } = true;

    /// <summary>The feed subscription that brought the article, if any.</summary>
    public int? FeedId { get; set; }

    /// <summary>SHA-256 of the body, to notice a changed text without comparing it.</summary>
    public required string ContentHash { get; set; }

    /// <summary>SHA-256 of the body as search reads it (normalized, white space collapsed): the same article
    /// arriving again, with other spellings of alef or ya, other diacritics or spacing, is known as a duplicate.</summary>
    public string NormalizedHash { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>One more at every change of the stored article: an edit made from an older version is refused, so
    /// that another Editor's or a feed's newer change is never silently overwritten.</summary>
    public int Version { get; set; } = 1;
}
