using System.Text;
using NewsReader.Core.Articles;
using NewsReader.Core.Importing;
using NewsReader.Core.Text;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Importing;

public class ArticleFilesTests
{
    private static readonly DateTimeOffset Fallback = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Sample(string name) => Path.Combine(RepositoryFiles.ImportSamples, name);

    private static ArticleDraft Read(string name, ArticleMetadata? given = null) =>
        ArticleFiles.Read(name, File.ReadAllBytes(Sample(name)), given, $"file:{name}", Fallback);

    [Fact]
    public void Front_matter_gives_the_metadata_and_the_body_starts_after_it_exactly()
    {
        var draft = Read("aleppo-truce.txt");

        Assert.Equal(("هدنة إنسانية في حلب لإجلاء الجرحى", "وكالة الأنباء التجريبية", "حلب"), (draft.Title, draft.Source, draft.Dateline));
        Assert.Equal(("https://news.example/aleppo-truce", "ar", TextDirection.Rtl), (draft.SourceKey, draft.Language, draft.ResolvedDirection));
        Assert.Equal(new DateTimeOffset(2016, 12, 8, 0, 0, 0, TimeSpan.Zero), draft.PublishedAt);
        var text = File.ReadAllText(Sample("aleppo-truce.txt"));
        Assert.Equal(text[(text.IndexOf("أعلنت", StringComparison.Ordinal))..], draft.Body);
        Assert.Equal(2, Paragraphs.Split(draft.Body).Count);
    }

    [Fact]
    public void A_sidecar_wins_over_the_file_and_a_plain_text_without_one_gets_a_guessed_language_and_its_first_line()
    {
        var sidecar = ArticleMetadata.FromJson(File.ReadAllBytes(Sample("ankara-talks.json")), "ankara-talks.json");

        var withSidecar = Read("ankara-talks.txt", sidecar);
        var without = Read("ankara-talks.txt");

        Assert.Equal(("محادثات في أنقرة حول وقف إطلاق النار في سوريا", "أنقرة", "file:ankara-talks.txt"), (withSidecar.Title, withSidecar.Dateline, withSidecar.SourceKey));
        Assert.Equal(File.ReadAllText(Sample("ankara-talks.txt")), withSidecar.Body);
        Assert.Equal(("ar", ArticleFiles.DefaultSource, Fallback), (without.Language, without.Source, without.PublishedAt));
        Assert.StartsWith("استضافت أنقرة محادثات", without.Title, StringComparison.Ordinal);
        Assert.EndsWith("…", without.Title, StringComparison.Ordinal);
        Assert.InRange(without.Title.Length, 40, 121);
    }

    [Fact]
    public void Markdown_becomes_plain_text_with_its_paragraphs_and_its_heading_becomes_the_title()
    {
        var draft = Read("aid-convoy.md");

        Assert.Equal(("Aid convoy reaches eastern Aleppo", "Sample Wire", "en", TextDirection.Ltr), (draft.Title, draft.Source, draft.Language, draft.ResolvedDirection));
        Assert.Equal(
            """
            An aid convoy of the Syrian Arab Red Crescent reached eastern Aleppo on Saturday, according to the United Nations.

            Twelve trucks carried food and medicine.

            The convoy crossed from Ramouseh.

            "We need a lasting ceasefire," an aid worker said.
            """.ReplaceLineEndings("\n"),
            draft.Body);
    }

    [Fact]
    public void A_web_page_gives_its_article_text_without_navigation_scripts_or_furniture()
    {
        var draft = Read("evacuation.html");

        Assert.Equal(("إجلاء المدنيين من شرق حلب", "موقع الأخبار التجريبي", "ar"), (draft.Title, draft.Source, draft.Language));
        Assert.Equal(("https://news.example/evacuation", new DateTimeOffset(2016, 12, 15, 8, 30, 0, TimeSpan.Zero)), (draft.SourceKey, draft.PublishedAt));
        Assert.Equal(
            "بدأت صباح الخميس عملية إجلاء المدنيين والمقاتلين من الأحياء الشرقية لمدينة حلب، بحسب الصليب الأحمر.\n\n"
            + "وقالت اللجنة الدولية للصليب الأحمر إن الدفعة الأولى وصلت إلى ريف حلب الغربي.\n\n"
            + "وتابعت أنقرة وموسكو الاتفاق عن كثب.",
            draft.Body);
    }

    [Theory]
    [InlineData("empty.txt", "empty.txt: the file is empty.")]
    [InlineData("invalid-utf8.txt", "invalid-utf8.txt: not valid UTF-8 text.")]
    [InlineData("archive.txt", "archive.txt: a binary file, not text.")]
    [InlineData("report.pdf", "report.pdf: unknown format '.pdf'.")]
    public void Broken_files_are_refused_with_the_reason(string name, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            ArticleFiles.Read(name, File.ReadAllBytes(Sample(Path.Combine("broken", name))), null, name, Fallback));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.txt", "text with a bell \u0007 in it", "a control character (U+0007 at 17)")]
    [InlineData("a.txt", "   \n\t ", "there is no text in it")]
    [InlineData("a.html", "<html><body><script>alert(1)</script></body></html>", "there is no text in it")]
    [InlineData("a.txt", "---\ntitle: x\nsource: y", "front matter is not closed")]
    [InlineData("a.txt", "---\ntitle: x\nno colon here\n---\ntext", "front matter line 3 is not")]
    [InlineData("a.txt", "---\ndate: yesterday\n---\ntext", "the date 'yesterday' is not a date")]
    public void Texts_that_cannot_be_articles_are_refused_with_the_reason(string name, string content, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => ArticleFiles.Read(name, Encoding.UTF8.GetBytes(content), null, name, Fallback));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_one_megabyte_is_refused_before_it_is_read()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            ArticleFiles.Read("big.txt", new byte[ArticleFiles.MaxFileBytes + 1], null, "big", Fallback));

        Assert.Contains("larger than 1 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_text_with_other_spellings_and_spacing_has_the_same_normalized_hash()
    {
        Assert.Equal(ArticleDraft.HashOfNormalized("أعلنت الأمم المتحدة هدنة"), ArticleDraft.HashOfNormalized("اعلنت  الامم المتحدة\nهدنه"));
        Assert.NotEqual(ArticleDraft.HashOfNormalized("هدنة في حلب"), ArticleDraft.HashOfNormalized("هدنة في إدلب"));
    }
}
