using NewsReader.Core.Annotations;

namespace NewsReader.Web.Components.Annotations;

/// <summary>What the annotation editor holds while a reader writes: the colour, the comment, the tags, the entities the
/// passage is about, and the stored version the edit is based on (so that a save over a newer one is refused).</summary>
public sealed class AnnotationForm
{
    private readonly string? startingComment;

    /// <summary>A form for <paramref name="editing"/>, or for a new annotation when null, with the comment the browser
    /// kept from an unsaved edit, if any, in place of the stored one.</summary>
    public AnnotationForm(Annotation? editing, string? recoveredComment)
    {
        Color = editing?.Color ?? HighlightColor.Yellow;
        startingComment = recoveredComment ?? editing?.Comment;
        Comment = startingComment;
        Tags = new TagSet(editing?.Tags ?? []);
        EntityKeys.UnionWith(editing?.EntityKeys ?? []);
        BaseVersion = editing?.Version ?? 0;
    }

    public HighlightColor Color { get; set; }

    public string? Comment { get; set; }

    public TagSet Tags { get; }

    public HashSet<string> EntityKeys { get; } = new(StringComparer.Ordinal);

    public int BaseVersion { get; set; }

    /// <summary>Whether the comment is still as the editor opened with it.</summary>
    public bool CommentUnchanged => Comment == startingComment;

    public bool CommentTooLong => (Comment ?? "").Length > AnnotationDraft.MaxCommentLength;

    public void ChooseEntities(IEnumerable<string?>? keys)
    {
        EntityKeys.Clear();
        EntityKeys.UnionWith(keys?.OfType<string>() ?? []);
    }

    /// <summary>Takes a stored version into the form, where the reader may still change it before saving over it.</summary>
    public void Take(Annotation stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        (Color, Comment, BaseVersion) = (stored.Color, stored.Comment, stored.Version);
        Tags.Replace(stored.Tags);
        ChooseEntities(stored.EntityKeys);
    }

    /// <summary>The annotation to save for <paramref name="position"/>, a tag still being typed included.</summary>
    public AnnotationDraft ToDraft(TextPositionSelector position)
    {
        Tags.AddPending();
        return new AnnotationDraft(position, Color, Comment, [.. Tags.Items], [.. EntityKeys]);
    }
}
