namespace NewsReader.Web.Components.Annotations;

/// <summary>The tags being written for an annotation, and the one still being typed: it counts once the reader presses
/// Enter or a comma, or saves. A tag is kept once, in the order first given.</summary>
public sealed class TagSet
{
    private List<string> items;

    public TagSet(IEnumerable<string> tags) => items = [.. tags];

    public IReadOnlyList<string> Items => items;

    /// <summary>What is typed in the tag box and not yet a tag.</summary>
    public string? Pending { get; set; }

    /// <summary>Turns what is typed into a tag (a trailing comma is the key that ended it, not part of it).</summary>
    public void AddPending()
    {
        var tag = Pending?.Trim().TrimEnd(',');
        if (!string.IsNullOrEmpty(tag) && !items.Contains(tag, StringComparer.Ordinal))
        {
            items.Add(tag);
        }

        Pending = null;
    }

    /// <summary>Backspace in an empty box takes the last tag back.</summary>
    public void RemoveLastIfNothingTyped()
    {
        if (string.IsNullOrEmpty(Pending) && items.Count > 0)
        {
            items.RemoveAt(items.Count - 1);
        }
    }

    public void Remove(string tag) => items.Remove(tag);

    public void Replace(IEnumerable<string> tags) => items = [.. tags];
}
