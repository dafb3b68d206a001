using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class TextSegmentsTests
{
    [Fact]
    public void A_range_is_cut_into_plain_and_marked_pieces_in_order()
    {
        var segments = TextSegments.Split(new TextSpan(0, 20), [new(2, 3), new(10, 5)]);

        Assert.Equal(
            [
                new TextSegment(new(0, 2), null), new TextSegment(new(2, 3), 0), new TextSegment(new(5, 5), null),
                new TextSegment(new(10, 5), 1), new TextSegment(new(15, 5), null),
            ],
            segments);
    }

    [Fact]
    public void Marks_outside_the_range_are_skipped_and_those_reaching_out_are_clipped()
    {
        var segments = TextSegments.Split(new TextSpan(10, 10), [new(0, 3), new(8, 4), new(18, 5), new(30, 2)]);

        Assert.Equal(
            [new TextSegment(new(10, 2), 1), new TextSegment(new(12, 6), null), new TextSegment(new(18, 2), 2)],
            segments);
    }

    [Fact]
    public void A_range_without_marks_is_one_plain_piece() =>
        Assert.Equal([new TextSegment(new(5, 4), null)], TextSegments.Split(new TextSpan(5, 4), []));
}
