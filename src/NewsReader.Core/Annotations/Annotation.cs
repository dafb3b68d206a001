using NewsReader.Core.Text;

namespace NewsReader.Core.Annotations;

/// <summary>A reader's highlight or comment on a passage, aligned with the W3C Web Annotation model: the
/// passage is held by both a position and a quote selector, so it can be found again after edits.</summary>
public sealed class Annotation
{
    public Guid Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary>Whose annotation it is. Until accounts exist every annotation belongs to the local reader.</summary>
    public required string OwnerId { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public required string Exact { get; set; }

    public required string Prefix { get; set; }

    public required string Suffix { get; set; }

    /// <summary>How the passage was last found; an orphan keeps its quote and comment, and is never deleted.</summary>
    public AnchorKind Anchor { get; set; }

    public HighlightColor Color { get; set; }

    /// <summary>Markdown, at most <see cref="AnnotationDraft.MaxCommentLength"/> characters; null for a plain highlight.</summary>
    public string? Comment { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>Keys of the entities the reader says the passage is about (W3C <c>purpose: identifying</c>).</summary>
    public List<string> EntityKeys { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Private by default; a shared annotation is shown, read-only, to every reader.</summary>
    public bool Shared { get; set; }

    /// <summary>Optimistic-concurrency token: a save based on an older version is refused, never silently merged.</summary>
    public int Version { get; set; }

    /// <summary>The IRI another system gave the annotation (W3C <c>canonical</c>), kept as received so that copies of it
    /// can be recognized; null when the annotation began here.</summary>
    public string? Canonical { get; set; }

    public TextPositionSelector Position => new(Start, End);

    /// <summary>A copy that shows another quote (a shortened one, for a list); everything else, the lists included, is shared.</summary>
    public Annotation WithQuoteShown(string exact)
    {
        var copy = (Annotation)MemberwiseClone();
        copy.Exact = exact;
        return copy;
    }

    public TextQuoteSelector Quote => new(Exact, Prefix, Suffix);
}

public enum HighlightColor
{
    Yellow,
    Green,
    Blue,
    Pink,
    Purple,
}

/// <summary>What a reader asks to save: the passage, a colour, a comment, tags and the entities it is about.</summary>
public sealed record AnnotationDraft(
    TextPositionSelector Position,
    HighlightColor Color = HighlightColor.Yellow,
    string? Comment = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? EntityKeys = null,
    string? Canonical = null)
{
    public const int MaxCommentLength = 10_000;
    public const int MaxCanonicalLength = 2048;
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;

    /// <summary>Problems that keep the draft from being saved against <paramref name="body"/>; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<string>();
        if (Position.Start < 0 || Position.End > body.Length || Position.End <= Position.Start)
        {
            problems.Add($"The passage {Position.Start}–{Position.End} is not a non-empty range of the article (0–{body.Length}).");
        }
        else if (string.IsNullOrWhiteSpace(body[Position.Start..Position.End]))
        {
            problems.Add("The passage is only white space.");
        }

        if (Comment is { Length: > MaxCommentLength })
        {
            problems.Add($"The comment is longer than {MaxCommentLength:N0} characters ({Comment.Length:N0}).");
        }

        if (ControlCharacters.FirstIn(Comment, allowLineBreaks: true) is { } control)
        {
            problems.Add($"The comment contains a control character ({control}); remove it and save again.");
        }

        var tags = Tags ?? [];
        if (tags.Count > MaxTags)
        {
            problems.Add($"An annotation may have at most {MaxTags} tags.");
        }

        if (tags.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("A tag is empty.");
        }

        if (tags.Select(t => ControlCharacters.FirstIn(t, allowLineBreaks: false)).FirstOrDefault(c => c is not null) is { } inTag)
        {
            problems.Add($"A tag contains a control character ({inTag}).");
        }

        if (tags.Any(t => t.Trim().Length > MaxTagLength))
        {
            problems.Add($"A tag is longer than {MaxTagLength} characters.");
        }

        if ((EntityKeys ?? []).Count > MaxTags)
        {
            problems.Add($"An annotation may identify at most {MaxTags} entities.");
        }

        if (Canonical is not null && (Canonical.Length > MaxCanonicalLength || !Uri.TryCreate(Canonical, UriKind.Absolute, out _)))
        {
            problems.Add($"canonical must be an absolute IRI of at most {MaxCanonicalLength} characters.");
        }

        if (!Enum.IsDefined(Color))
        {
            problems.Add("Unknown highlight colour.");
        }

        return problems;
    }

    /// <summary>The tags, trimmed and without repeats, in the order given.</summary>
    public List<string> CleanTags() => Clean(Tags);

    /// <summary>The entity keys, trimmed and without repeats, in the order given.</summary>
    public List<string> CleanEntityKeys() => Clean(EntityKeys);

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
