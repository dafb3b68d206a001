using NewsReader.Core.Articles;
using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Articles;

public class ArticleDraftTests
{
    private static readonly ArticleDraft Valid = new(
        "key", "عنوان", "نص الخبر.", "ar", "الوكالات", "باريس", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_complete_draft_is_valid() => Assert.Empty(Valid.Validate());

    [Fact]
    public void Empty_and_whitespace_fields_are_reported_by_name()
    {
        var problems = (Valid with { Title = "  ", Source = "", Body = "\n" }).Validate();

        Assert.Equal(["The title is empty.", "The source is empty.", "The body is empty."], problems);
    }

    [Fact]
    public void Over_long_titles_and_bodies_are_refused()
    {
        var problems = (Valid with
        {
            Title = new string('ع', ArticleDraft.MaxTitleLength + 1),
            Body = new string('ع', (ArticleDraft.MaxBodyBytes / 2) + 1),
        }).Validate();

        Assert.Equal(["The title is longer than 500 characters.", "The body is larger than 1024 KiB."], problems);
    }

    [Fact]
    public void Control_characters_are_refused_by_name_and_place_but_line_breaks_in_the_body_are_text()
    {
        var problems = (Valid with { Title = "عنوان\u0000", Source = "وكالة\n", Body = "سطر\n\tسطر\u001B" }).Validate();

        Assert.Equal(
            ["The body contains a control character (U+001B at 8), which text does not.", "The title contains a control character (U+0000 at 5).", "The source contains a control character (U+000A at 5)."],
            problems);
        Assert.Empty((Valid with { Body = "سطر\r\n\tسطر" }).Validate());
    }

    [Fact]
    public void The_direction_is_taken_from_the_language_unless_given() =>
        Assert.Equal(
            (TextDirection.Rtl, TextDirection.Ltr),
            (Valid.ResolvedDirection, (Valid with { Direction = TextDirection.Ltr }).ResolvedDirection));

    [Fact]
    public void The_content_hash_changes_with_the_body_only() =>
        Assert.Equal(
            (true, false),
            (Valid.ContentHash == (Valid with { Title = "آخر" }).ContentHash,
             Valid.ContentHash == (Valid with { Body = "نص آخر." }).ContentHash));
}
