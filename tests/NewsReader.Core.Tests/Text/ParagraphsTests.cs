using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class ParagraphsTests
{
    private const string Sentence = "قال الوزير إن الاجتماع سيعقد في باريس بعد اسبوعين من الآن.";

    [Fact]
    public void Paragraphs_are_spans_that_cover_every_word_of_the_text_in_order()
    {
        var text = string.Join(" ", Enumerable.Repeat(Sentence, 20));

        var paragraphs = Paragraphs.Split(text);

        Assert.True(paragraphs.Count > 1);
        Assert.Equal(
            text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            paragraphs.SelectMany(p => p.Of(text).Split(' ')));
        Assert.All(paragraphs.Zip(paragraphs.Skip(1)), pair => Assert.True(pair.First.End < pair.Second.Start));
    }

    [Fact]
    public void A_paragraph_ends_at_a_sentence_end_once_it_is_long_enough()
    {
        var text = string.Join(" ", Enumerable.Repeat(Sentence, 20));

        var paragraphs = Paragraphs.Split(text, targetLength: 100);

        Assert.All(paragraphs, p => Assert.EndsWith(".", p.Of(text), StringComparison.Ordinal));
        Assert.All(paragraphs.SkipLast(1), p => Assert.InRange(p.Length, 100, 100 + Sentence.Length + 1));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        const string text = "وقال «لسنا شركاء بشار الاسد». وتابع «هذا يكفي».";

        var paragraphs = Paragraphs.Split(text, targetLength: 10);

        Assert.Equal(["وقال «لسنا شركاء بشار الاسد».", "وتابع «هذا يكفي»."], paragraphs.Select(p => p.Of(text)));
    }

    [Fact]
    public void Arabic_question_marks_end_sentences_but_decimal_points_do_not()
    {
        const string text = "هل يعقد الاجتماع؟ نعم. بلغت النسبة 3.5 بالمئة في المدينة.";

        var paragraphs = Paragraphs.Split(text, targetLength: 1);

        Assert.Equal(["هل يعقد الاجتماع؟", "نعم.", "بلغت النسبة 3.5 بالمئة في المدينة."], paragraphs.Select(p => p.Of(text)));
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept_as_paragraph_breaks()
    {
        const string text = "السطر الأول\n\nالسطر الثاني";

        var paragraphs = Paragraphs.Split(text);

        Assert.Equal([new TextSpan(0, 11), new TextSpan(13, 12)], paragraphs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Blank_text_has_no_paragraphs(string text) => Assert.Empty(Paragraphs.Split(text));

    [Fact]
    public void A_text_without_sentence_ends_is_one_paragraph()
    {
        const string text = "  عنوان بلا نقطة  ";

        Assert.Equal([new TextSpan(2, 14)], Paragraphs.Split(text));
    }
}
