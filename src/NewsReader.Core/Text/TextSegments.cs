namespace NewsReader.Core.Text;

/// <summary>A piece of a range of text: plain, or covered by the mark at <see cref="Mark"/>.</summary>
public readonly record struct TextSegment(TextSpan Span, int? Mark);

public static class TextSegments
{
    /// <summary>Cuts <paramref name="range"/> into plain pieces and pieces covered by a mark, in order.
    /// Marks are sorted by start and do not overlap; a mark that reaches outside the range is clipped to it.</summary>
    public static IReadOnlyList<TextSegment> Split(TextSpan range, IReadOnlyList<TextSpan> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var segments = new List<TextSegment>();
        var position = range.Start;
        for (var i = FirstEndingAfter(marks, range.Start); i < marks.Count && marks[i].Start < range.End; i++)
        {
            var start = Math.Max(marks[i].Start, position);
            var end = Math.Min(marks[i].End, range.End);
            if (end <= start)
            {
                continue;
            }

            if (start > position)
            {
                segments.Add(new TextSegment(new TextSpan(position, start - position), null));
            }

            segments.Add(new TextSegment(new TextSpan(start, end - start), i));
            position = end;
        }

        if (position < range.End)
        {
            segments.Add(new TextSegment(new TextSpan(position, range.End - position), null));
        }

        return segments;
    }

    /// <summary>The index of the first mark that ends after <paramref name="offset"/>, by binary search.</summary>
    private static int FirstEndingAfter(IReadOnlyList<TextSpan> marks, int offset)
    {
        int low = 0, high = marks.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (marks[middle].End <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
