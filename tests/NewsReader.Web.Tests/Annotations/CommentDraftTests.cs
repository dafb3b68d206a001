using NewsReader.Core.Annotations;
using NewsReader.Web.Components.Annotations;

namespace NewsReader.Web.Tests.Annotations;

public class CommentDraftTests
{
    private static readonly Annotation Saved = new()
    {
        Id = Guid.Parse("0195f0a0-0000-7000-8000-000000000001"),
        OwnerId = "local",
        Start = 10,
        End = 20,
        Exact = "x",
        Prefix = "",
        Suffix = "",
    };

    private static CommentDraft Draft(string key) => new(key, "words", null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_draft_of_a_new_passage_targets_that_passage_while_it_is_inside_the_body()
    {
        var key = CommentDraft.KeyFor("reader-1", 7, null, new TextPositionSelector(3, 9));

        Assert.Equal("newsreader:draft:reader-1:7:new:3-9", key);
        Assert.StartsWith(CommentDraft.Prefix("reader-1", 7), key, StringComparison.Ordinal);
        Assert.False(key.StartsWith(CommentDraft.Prefix("reader-2", 7), StringComparison.Ordinal));
        Assert.Equal((new TextPositionSelector(3, 9), (Annotation?)null), Draft(key).Target([], bodyLength: 100));
        Assert.Null(Draft(key).Target([], bodyLength: 8));
    }

    [Fact]
    public void A_draft_of_an_edit_targets_its_annotation_while_it_exists()
    {
        var key = CommentDraft.KeyFor("reader-1", 7, Saved, default);

        Assert.Equal((Saved.Position, Saved), Draft(key).Target([Saved], bodyLength: 100));
        Assert.Null(Draft(key).Target([], bodyLength: 100));
    }

    [Theory]
    [InlineData("newsreader:draft:r:7:new:9-3")]
    [InlineData("newsreader:draft:r:7:new:x-3")]
    [InlineData("newsreader:draft:r:7")]
    [InlineData("newsreader:draft:r:7:whatever")]
    public void A_malformed_key_targets_nothing(string key) => Assert.Null(Draft(key).Target([Saved], bodyLength: 100));
}
