using NewsReader.Core.Annotations;
using NewsReader.Data.Annotations;

namespace NewsReader.Web.Components.Annotations;

/// <summary>The panel shows the first words of each passage, never more than <see cref="MaxLength"/> characters: a
/// highlight of a whole article would otherwise be the article again, per annotation, in the page's HTML, in the
/// circuit's memory and in the state carried from the prerender (an article with a thousand shared annotations, some
/// of the whole text, must still open). The passage itself is in the article beside it.</summary>
public static class PanelQuotes
{
    public const int MaxLength = 280;

    /// <summary>The annotations as the panel keeps them: each quote cut at a word before <see cref="MaxLength"/>.</summary>
    public static IReadOnlyList<VisibleAnnotation> Shortened(IReadOnlyList<VisibleAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        return annotations.Any(a => a.Annotation.Exact.Length > MaxLength)
            ? [.. annotations.Select(a => a.Annotation.Exact.Length > MaxLength ? a with { Annotation = Shortened(a.Annotation) } : a)]
            : annotations;
    }

    private static Annotation Shortened(Annotation annotation)
    {
        var cut = annotation.Exact.LastIndexOf(' ', MaxLength - 1);
        if (cut <= MaxLength / 2)
        {
            // No word break near the end: cut anywhere but inside a surrogate pair.
            cut = char.IsHighSurrogate(annotation.Exact[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        }

        return annotation.WithQuoteShown(annotation.Exact[..cut] + "…");
    }
}
