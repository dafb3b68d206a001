using System.Globalization;
using NewsReader.Core.Annotations;

namespace NewsReader.Web.Components.Annotations;

/// <summary>A comment the browser kept because it was never saved: the key says whose it is, and which article and
/// which annotation (or new passage) it belongs to. Another reader signed in on the same browser never sees it, and
/// signing out clears the browser's storage (<c>Clear-Site-Data</c>).</summary>
public sealed record CommentDraft(string Key, string Comment, string? Quote, DateTimeOffset SavedAt)
{
    private const string NewPassage = "new:";

    /// <summary>The start of every draft key of a reader's drafts on an article.</summary>
    public static string Prefix(string readerId, int articleId) =>
        $"newsreader:draft:{readerId}:{articleId.ToString(CultureInfo.InvariantCulture)}:";

    public static string KeyFor(string readerId, int articleId, Annotation? editing, TextPositionSelector passage) =>
        Prefix(readerId, articleId) + (editing is null
            ? string.Create(CultureInfo.InvariantCulture, $"{NewPassage}{passage.Start}-{passage.End}")
            : editing.Id.ToString());

    /// <summary>What the draft was written for: an annotation still in <paramref name="annotations"/>, or a new
    /// passage inside a body of <paramref name="bodyLength"/>; null when neither is there any more.</summary>
    public (TextPositionSelector Passage, Annotation? Editing)? Target(IReadOnlyList<Annotation> annotations, int bodyLength)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        // newsreader:draft:{reader}:{article}:{annotation id} or newsreader:draft:{reader}:{article}:new:{start}-{end}
        var rest = Key.Split(':', 5) is { Length: 5 } parts ? parts[4] : "";
        if (Guid.TryParse(rest, out var id))
        {
            return annotations.FirstOrDefault(a => a.Id == id && a.Anchor != AnchorKind.Orphan) is { } editing ? (editing.Position, editing) : null;
        }

        var bounds = rest.StartsWith(NewPassage, StringComparison.Ordinal) ? rest[NewPassage.Length..].Split('-') : [];
        return bounds.Length == 2 && int.TryParse(bounds[0], CultureInfo.InvariantCulture, out var start)
            && int.TryParse(bounds[1], CultureInfo.InvariantCulture, out var end) && start >= 0 && start < end && end <= bodyLength
            ? (new TextPositionSelector(start, end), null)
            : null;
    }
}
