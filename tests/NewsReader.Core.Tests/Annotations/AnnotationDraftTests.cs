using NewsReader.Core.Annotations;

namespace NewsReader.Core.Tests.Annotations;

public class AnnotationDraftTests
{
    private const string Body = "نص الخبر كاملا.";

    private static readonly AnnotationDraft Valid = new(new TextPositionSelector(0, 2), HighlightColor.Green, "**تعليق**", ["وسم"], ["aleppo"]);

    [Fact]
    public void A_complete_draft_is_valid() => Assert.Empty(Valid.Validate(Body));

    [Fact]
    public void Each_limit_is_refused_with_a_clear_message()
    {
        var problems = (Valid with
        {
            Comment = new string('x', AnnotationDraft.MaxCommentLength + 1),
            Tags = [.. Enumerable.Range(0, 21).Select(i => $"t{i}")],
            EntityKeys = [.. Enumerable.Range(0, 21).Select(i => $"e{i}")],
        }).Validate(Body);

        Assert.Equal(
            ["The comment is longer than 10,000 characters (10,001).", "An annotation may have at most 20 tags.", "An annotation may identify at most 20 entities."],
            problems);
    }

    [Theory]
    [InlineData(-1, 2, "The passage -1–2 is not a non-empty range of the article (0–15).")]
    [InlineData(2, 3, "The passage is only white space.")]
    public void A_passage_must_be_text_of_the_article(int start, int end, string problem) =>
        Assert.Equal([problem], (Valid with { Position = new(start, end) }).Validate(Body));

    [Fact]
    public void Blank_long_or_control_character_tags_and_control_characters_in_comments_are_refused()
    {
        var problems = (Valid with { Comment = "سطر\nسطر\u0007", Tags = ["  ", new string('و', 51), "a\u0000b"] }).Validate(Body);

        Assert.Equal(
            ["The comment contains a control character (U+0007 at 7); remove it and save again.", "A tag is empty.", "A tag contains a control character (U+0000 at 1).", "A tag is longer than 50 characters."],
            problems);
    }

    [Fact]
    public void Tags_and_entity_keys_are_trimmed_and_kept_once_in_order()
    {
        var draft = Valid with { Tags = [" b", "a ", "b"], EntityKeys = ["aleppo", "aleppo "] };

        Assert.Equal(["b", "a"], draft.CleanTags());
        Assert.Equal(["aleppo"], draft.CleanEntityKeys());
    }
}
