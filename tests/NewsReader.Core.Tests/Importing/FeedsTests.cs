using System.Text;
using NewsReader.Core.Importing;
using NewsReader.Testing;

namespace NewsReader.Core.Tests.Importing;

public class FeedsTests
{
    private static readonly DateTimeOffset Fallback = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<FeedItem> Read(string name) =>
        Feeds.Read(name, File.ReadAllBytes(Path.Combine(RepositoryFiles.ImportSamples, name)), Fallback);

    [Fact]
    public void RSS_items_give_title_date_link_and_their_fullest_content_as_text()
    {
        var items = Read("wire.rss");

        Assert.Equal(2, items.Count);
        var first = items[0].Draft!;
        Assert.Equal(("الأمم المتحدة تدعو إلى حماية المدنيين في حلب", "https://wire.example/un-civilians", "Sample Wire (Arabic)", "ar"), (first.Title, first.SourceKey, first.Source, first.Language));
        Assert.Equal(new DateTimeOffset(2016, 12, 13, 9, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal("دعا مجلس الأمن الدولي إلى حماية المدنيين في حلب وضمان وصول المساعدات.\n\nوقال المبعوث الأممي إن الوضع كارثي.", first.Body);
        Assert.Equal("بحثت موسكو وأنقرة هدنة جديدة في سوريا تشمل حلب.", items[1].Draft!.Body);
    }

    [Fact]
    public void Atom_entries_read_html_and_text_content()
    {
        var items = Read("wire.atom");

        Assert.Equal(["Evacuation of eastern Aleppo resumes", "Talks in Astana planned"], items.Select(i => i.Draft!.Title));
        Assert.Equal("The evacuation of eastern Aleppo resumed on Friday.\n\nBuses left for Idlib.", items[0].Draft!.Body);
        Assert.Equal(("https://wire.example/astana", "en"), (items[1].Draft!.SourceKey, items[1].Draft!.Language));
        Assert.Equal(new DateTimeOffset(2016, 12, 16, 9, 0, 0, TimeSpan.Zero), items[1].Draft!.PublishedAt);
    }

    [Fact]
    public void A_broken_feed_is_refused_with_where_it_breaks_and_an_item_without_text_is_kept_by_its_title_and_link()
    {
        var broken = Assert.Throws<InvalidDataException>(() =>
            Feeds.Read("truncated.rss", File.ReadAllBytes(Path.Combine(RepositoryFiles.ImportSamples, "broken", "truncated.rss")), Fallback));
        Assert.StartsWith("truncated.rss: not well-formed XML (line ", broken.Message, StringComparison.Ordinal);

        const string feed = """<rss version="2.0"><channel><title>t</title><item><title>Only a title</title><link>https://wire.example/1</link></item><item><title>ok</title><description>text</description></item></channel></rss>""";
        var items = Feeds.Read("mixed.rss", Encoding.UTF8.GetBytes(feed), Fallback);
        Assert.Equal(("Only a title", "Only a title", "https://wire.example/1"), (items[0].Draft!.Title, items[0].Draft!.Body, items[0].Draft!.SourceKey));
        Assert.Equal("text", items[1].Draft!.Body);
    }

    [Fact]
    public void A_feeds_DTD_is_skipped_so_no_entity_of_its_own_can_expand()
    {
        const string bomb = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title><item><title>&b;&nbsp;x</title><description>d</description></item></channel></rss>""";

        var item = Assert.Single(Feeds.Read("bomb.rss", Encoding.UTF8.GetBytes(bomb), Fallback));

        Assert.Equal("&b; x", item.Draft!.Title);
    }
}
