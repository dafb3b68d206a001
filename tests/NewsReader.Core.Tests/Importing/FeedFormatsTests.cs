using NewsReader.Core.Importing;
using NewsReader.Core.Importing.Syndication;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Importing;

/// <summary>Feeds in the formats and encodings the wire writes, beyond RSS 2.0 and Atom 1.0 in UTF-8.</summary>
public class FeedFormatsTests
{
    private static readonly DateTimeOffset Fallback = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string Samples = Path.Combine(RepositoryFiles.Root, "tests", "samples", "feeds");

    private static IReadOnlyList<FeedItem> Read(string name, string? contentType = null) =>
        Feeds.Read(name, File.ReadAllBytes(Path.Combine(Samples, name)), Fallback, contentType);

    [Theory]
    [InlineData("arabic-windows-1256.rss", null)]
    [InlineData("arabic-iso-8859-6.rss", null)]
    [InlineData("arabic-undeclared-1256.rss", null)]
    [InlineData("arabic-undeclared-1256.rss", "application/rss+xml; charset=windows-1256")]
    public void Arabic_feeds_in_legacy_encodings_read_as_Arabic(string name, string? contentType)
    {
        var item = Assert.Single(Read(name, contentType));

        var draft = item.Draft!;
        Assert.Equal(("هدنة جديدة في حلب", "وكالة الأنباء السورية", "ar"), (draft.Title, draft.Source, draft.Language));
        Assert.StartsWith("أعلنت الأمم المتحدة هدنة جديدة في حلب.\n\nوقال المبعوث إن المساعدات ستصل", draft.Body, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2016, 12, 1, 6, 30, 0, TimeSpan.Zero), draft.PublishedAt.ToUniversalTime());
        Assert.True(draft.DateKnown);
    }

    [Fact]
    public void A_JSON_feed_gives_html_text_and_summary_items()
    {
        var items = Read("wire.json");

        Assert.Equal(["Aid reaches Aleppo", "Only a summary", "Plain text item."], items.Select(i => i.Draft!.Title));
        Assert.Equal("An aid convoy reached Aleppo.\n\nMore is expected.", items[0].Draft!.Body);
        Assert.Equal("Talks continue in Astana.", items[1].Draft!.Body);
        Assert.Equal(("https://elsewhere.example/3", "Wire (JSON)", "en"), (items[2].Draft!.SourceKey, items[2].Draft!.Source, items[2].Draft!.Language));
        Assert.False(items[1].Draft!.DateKnown);
        Assert.Equal(Fallback, items[1].Draft!.PublishedAt);
    }

    [Fact]
    public void RSS_1_0_and_Atom_0_3_are_read()
    {
        var rdf = Assert.Single(Read("wire-rss10.rdf")).Draft!;
        var atom03 = Assert.Single(Read("wire-atom03.xml")).Draft!;

        Assert.Equal(("Convoy reaches Idlib", "https://wire.example/rdf/1", "The convoy reached Idlib at dawn."), (rdf.Title, rdf.SourceKey, rdf.Body));
        Assert.Equal(new DateTimeOffset(2016, 12, 4, 0, 0, 0, TimeSpan.Zero), rdf.PublishedAt);
        Assert.Equal(("Talks in Geneva", "Talks resumed in Geneva.", "Wire (Atom 0.3)"), (atom03.Title, atom03.Body, atom03.Source));
        Assert.Equal(new DateTimeOffset(2016, 12, 5, 9, 0, 0, TimeSpan.Zero), atom03.PublishedAt.ToUniversalTime());
    }

    [Fact]
    public void Escaped_HTML_in_a_description_becomes_text_and_an_html_title_its_words()
    {
        const string feed = """
            <rss version="0.92"><channel><title>&lt;b&gt;Wire&lt;/b&gt;</title>
            <item><title>Talks &amp;amp; truce</title><description>&lt;p&gt;Example description&lt;/p&gt;&lt;p&gt;Second&amp;nbsp;one&lt;/p&gt;</description></item>
            </channel></rss>
            """;

        var draft = Assert.Single(Feeds.Read("escaped.rss", System.Text.Encoding.UTF8.GetBytes(feed), Fallback)).Draft!;

        Assert.Equal(("Wire", "Talks & truce", "Example description\n\nSecond one"), (draft.Source, draft.Title, draft.Body));
    }

    [Fact]
    public void An_rss_without_a_channel_and_undated_items_are_read_with_the_date_unknown()
    {
        const string feed = """<rss><item><title>Loose item</title><link>https://wire.example/loose</link></item></rss>""";

        var draft = Assert.Single(Feeds.Read("loose.rss", System.Text.Encoding.UTF8.GetBytes(feed), Fallback)).Draft!;

        Assert.Equal(("Loose item", "https://wire.example/loose"), (draft.Title, draft.SourceKey));
        Assert.False(draft.DateKnown);
    }

    [Theory]
    [InlineData("Mon, 26 January 2004 16:31:00 PT", "2004-01-27T00:31:00Z")]
    [InlineData("Thu, 01 Dec 2016 09:30:00 +0300", "2016-12-01T06:30:00Z")]
    [InlineData("Thu, 1 Dec 16 09:30 GMT", "2016-12-01T09:30:00Z")]
    [InlineData("01 Dec 2016 09:30:00 EST", "2016-12-01T14:30:00Z")]
    [InlineData("2016-12-01", "2016-12-01T00:00:00Z")]
    [InlineData("2016-12-01T09:30", "2016-12-01T09:30:00Z")]
    [InlineData("2016-12-01T09:30:15.25+02:00", "2016-12-01T07:30:15.25Z")]
    [InlineData("2016-12", "2016-12-01T00:00:00Z")]
    [InlineData("20161201T093000Z", "2016-12-01T09:30:00Z")]
    [InlineData("2016-336", "2016-12-01T00:00:00Z")]
    public void Dates_in_the_forms_feeds_write_them(string written, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(written));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Thu, 32 Dec 2016 09:30:00 GMT")]
    [InlineData("2016-13-01")]
    public void What_is_not_a_date_is_unknown(string written) => Assert.Null(FeedDates.Parse(written));
}
