using NewsReader.Core.Annotations;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Annotations;

public class AnchoringTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(RepositoryFiles.SeedsFolder, RepositoryFiles.SeedKey + ".txt"));

    private static (TextPositionSelector Position, TextQuoteSelector Quote) Annotate(string body, string passage, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = body.IndexOf(passage, start + 1, StringComparison.Ordinal);
        }

        var position = new TextPositionSelector(start, start + passage.Length);
        return (position, Selectors.QuoteOf(body, position));
    }

    [Fact]
    public void A_quote_still_in_place_anchors_exactly()
    {
        var (position, quote) = Annotate(Seed, "لسنا شركاء بشار الاسد");

        Assert.Equal(new Anchor(AnchorKind.Exact, position), Anchoring.Find(Seed, position, quote));
    }

    [Fact]
    public void A_quote_whose_text_moved_is_found_at_its_new_place()
    {
        var (position, quote) = Annotate(Seed, "لسنا شركاء بشار الاسد");
        var edited = "خبر عاجل: " + Seed;

        var anchor = Anchoring.Find(edited, position, quote);

        Assert.Equal(AnchorKind.Moved, anchor.Kind);
        Assert.Equal("لسنا شركاء بشار الاسد", edited[anchor.Position.Start..anchor.Position.End]);
    }

    [Fact]
    public void Of_several_occurrences_the_one_with_the_same_context_wins()
    {
        // "في باريس" is in the seed twice; the annotation is on the second.
        var (position, quote) = Annotate(Seed, "في باريس", occurrence: 1);
        var edited = "مقدمة قصيرة. " + Seed;

        var anchor = Anchoring.Find(edited, position, quote);

        Assert.Equal(position.Start + "مقدمة قصيرة. ".Length, anchor.Position.Start);
    }

    [Fact]
    public void An_edited_quote_is_found_by_a_fuzzy_match()
    {
        var (position, quote) = Annotate(Seed, "القوات الجوية الروسية لم تقصف أهدافا في حلب منذ 44 يوما");
        var edited = Seed.Replace("لم تقصف أهدافا في حلب منذ 44 يوما", "لم تقصف أي أهداف في حلب منذ 45 يوما", StringComparison.Ordinal);

        var anchor = Anchoring.Find(edited, position, quote);

        Assert.Equal(AnchorKind.Fuzzy, anchor.Kind);
        Assert.StartsWith("القوات الجوية الروسية لم تقصف أي أهداف في حلب منذ 45", edited[anchor.Position.Start..anchor.Position.End], StringComparison.Ordinal);
    }

    /// <summary>A long article of sentences that never repeat exactly, with a 2,000-character passage at <paramref name="at"/>.</summary>
    private static (string Body, string Passage) LongArticle(int length, int at)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"الجملة {i * 7_919 % 100_003:D5} من التقرير {i * 104_729 % 99_991:D5} عن حلب. ");
        }

        return (text.ToString(), text.ToString(at, 2_000));
    }

    /// <summary>The passage with ten of its letters corrected.</summary>
    private static string Corrected(string passage) => passage.Remove(1_000, 10).Insert(1_000, "تصحيح خبر ");

    [Fact]
    public void A_long_edited_quote_near_its_old_place_is_still_found_within_the_work_bound()
    {
        var (body, passage) = LongArticle(300_000, at: 150_000);
        var quote = new TextQuoteSelector(passage, "", "");
        var edited = body.Insert(100_000, new string('ـ', 1_000)).Replace(passage, Corrected(passage), StringComparison.Ordinal);

        var anchor = Anchoring.Find(edited, new(150_000, 152_000), quote);

        Assert.Equal((AnchorKind.Fuzzy, 151_000), (anchor.Kind, anchor.Position.Start));
    }

    [Fact]
    public void A_long_edited_quote_far_from_its_old_place_is_not_searched_for_beyond_the_work_bound_and_becomes_an_orphan()
    {
        // Looking through the whole body would fill 2,000 × 300,000 cells, 37 times the bound.
        var (body, passage) = LongArticle(300_000, at: 150_000);
        var quote = new TextQuoteSelector(passage, "", "");
        var edited = body.Replace(passage, Corrected(passage), StringComparison.Ordinal);

        Assert.True(2_000L * edited.Length > Anchoring.MaxFuzzyWork);
        Assert.Equal(AnchorKind.Orphan, Anchoring.Find(edited, new(10_000, 12_000), quote).Kind);
    }

    [Fact]
    public void A_deleted_passage_becomes_an_orphan()
    {
        var (position, quote) = Annotate(Seed, "وذكرت جمعية «الخوذ البيضاء»، وهم متطوعو انقاذ وناشطون");
        var sentenceStart = Seed.IndexOf("وذكرت جمعية", StringComparison.Ordinal);
        var sentenceEnd = Seed.IndexOf(". ", sentenceStart, StringComparison.Ordinal) + 2;
        var edited = Seed.Remove(sentenceStart, sentenceEnd - sentenceStart);

        Assert.Equal(AnchorKind.Orphan, Anchoring.Find(edited, position, quote).Kind);
    }

    [Fact]
    public void A_quote_without_diacritics_finds_the_text_with_them()
    {
        var (position, quote) = Annotate(Seed, "هدنة في حلب");
        var vocalized = Seed.Replace("هدنة في حلب", "هُدْنَة في حَلَب", StringComparison.Ordinal);

        var anchor = Anchoring.Find(vocalized, position, quote);

        Assert.Equal(AnchorKind.Moved, anchor.Kind);
        Assert.Equal("هُدْنَة في حَلَب", vocalized[anchor.Position.Start..anchor.Position.End]);
    }

    [Fact]
    public void A_quote_with_diacritics_finds_the_text_without_them()
    {
        var vocalized = Seed.Replace("هدنة في حلب", "هُدْنَة في حَلَب", StringComparison.Ordinal);
        var (position, quote) = Annotate(vocalized, "هُدْنَة في حَلَب");

        var anchor = Anchoring.Find(Seed, position, quote);

        Assert.Equal("هدنة في حلب", Seed[anchor.Position.Start..anchor.Position.End]);
    }

    [Fact]
    public void The_quote_selector_keeps_32_characters_of_context_either_side()
    {
        var (_, quote) = Annotate(Seed, "بشار الاسد");

        Assert.Equal(("بشار الاسد", 32, 32), (quote.Exact, quote.Prefix.Length, quote.Suffix.Length));
        Assert.EndsWith("«لسنا شركاء ", quote.Prefix, StringComparison.Ordinal);
    }
}
