using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Subscriptions;
using NewsReader.Data.Articles;
using NewsReader.Data.Subscriptions;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>Polling feeds served by a real web server: conditional GETs, back-off, errors in words, discovery, full
/// text, and the safety rules (private hosts, redirects, size).</summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private FeedServer server = null!;
    private TestDatabase db = null!;

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync();
        db = await TestDatabase.CreateSeededAsync();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await db.DisposeAsync();
    }

    private async Task<Feed> SubscribeAsync(string path, int interval = 15, bool fullText = false)
    {
        var (feed, problem) = await db.Service<FeedStore>().AddAsync(new FeedRequest(server.Url(path).ToString(), IntervalMinutes: interval, FetchFullText: fullText));
        Assert.Null(problem);
        return feed!;
    }

    private async Task<Feed> PollAsync(Feed feed)
    {
        await db.Service<FeedPoller>().PollAsync((await db.Service<FeedStore>().FindAsync(feed.Id))!);
        return (await db.Service<FeedStore>().FindAsync(feed.Id))!;
    }

    [Fact]
    public async Task A_poll_imports_the_items_a_second_gets_304_and_a_new_item_alone_arrives()
    {
        server.ServeFeed("/wire.rss", FeedServer.Rss("Wire", ("هدنة في حلب", "https://wire.example/1", "أعلنت هدنة جديدة في حلب.")));
        var feed = await SubscribeAsync("/wire.rss");
        var arrived = new List<int>();
        db.Service<ArticleArrivals>().Arrived += arrived.Add;

        var first = await PollAsync(feed);
        var second = await PollAsync(first);
        server.ServeFeed("/wire.rss", FeedServer.Rss(
            "Wire", ("قافلة إلى دمشق", "https://wire.example/2", "وصلت قافلة مساعدات إلى دمشق."), ("هدنة في حلب", "https://wire.example/1", "أعلنت هدنة جديدة في حلب.")));
        var third = await PollAsync(second);

        Assert.Equal(("Wire", 1, null), (first.Title, first.ArticleCount, first.LastError));
        Assert.NotNull(first.LastNewArticleAt);
        Assert.Equal((3, 1), server.Count("/wire.rss"));
        Assert.Equal(2, third.ArticleCount);
        Assert.Equal([1, 1], arrived);
        var page = await db.Articles.PageAsync(new ArticleQuery(FeedId: feed.Id));
        Assert.Equal(["قافلة إلى دمشق", "هدنة في حلب"], page.Items.Select(a => a.Title));
        Assert.Contains(await db.Entities.MentionsOfArticleAsync(page.Items[1].Id), m => m.Entity.Key == "aleppo");
        Assert.InRange(third.NextCheckAt - third.LastCheckedAt!.Value, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_failing_feed_says_why_backs_off_and_honours_Retry_After_and_the_others_still_come()
    {
        server.ServeStatus("/broken.rss", 500);
        server.ServeStatus("/busy.rss", 429, retryAfter: "7200");
        server.ServeFeed("/good.rss", FeedServer.Rss("Good", ("Aid reaches Aleppo", "https://wire.example/good", "Aid reached Aleppo.")));
        var broken = await SubscribeAsync("/broken.rss", interval: 10);
        var busy = await SubscribeAsync("/busy.rss", interval: 10);
        await SubscribeAsync("/good.rss");

        Assert.Equal(3, await db.Service<FeedPoller>().PollDueAsync());

        var feeds = (await db.Service<FeedStore>().ListAsync(null)).ToDictionary(f => f.Feed.Id);
        var failed = feeds[broken.Id].Feed;
        Assert.Equal(("HTTP 500", 1), (failed.LastError, failed.Failures));
        Assert.Equal(TimeSpan.FromMinutes(20), failed.NextCheckAt - failed.LastCheckedAt!.Value);
        var waited = feeds[busy.Id].Feed;
        Assert.Equal("HTTP 429", waited.LastError);
        Assert.Equal(TimeSpan.FromHours(2), waited.NextCheckAt - waited.LastCheckedAt!.Value);
        Assert.Equal(1, feeds.Values.Single(f => f.Feed.Title == "Good").Feed.ArticleCount);

        var again = await PollAsync(failed);
        Assert.Equal((2, TimeSpan.FromMinutes(40)), (again.Failures, again.NextCheckAt - again.LastCheckedAt!.Value));
        server.ServeFeed("/broken.rss", FeedServer.Rss("Mended", ("Back", "https://wire.example/back", "Back again.")));
        var mended = await PollAsync(again);
        Assert.Equal((0, null, 1), (mended.Failures, mended.LastError, mended.ArticleCount));
    }

    [Fact]
    public async Task A_page_is_looked_through_for_its_feed_and_one_without_a_feed_is_not_a_feed()
    {
        server.Serve("/news", http =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync("<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/news/feed.atom\"></head><body>News</body></html>");
        });
        server.ServeFeed("/news/feed.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>News (Atom)</title>
            <entry><title>Found through the page</title><link href="https://wire.example/found"/><updated>2016-12-01T09:00:00Z</updated><content>Text.</content></entry></feed>
            """, "application/atom+xml");
        server.Serve("/about", http =>
        {
            http.Response.ContentType = "text/html";
            return http.Response.WriteAsync("<!DOCTYPE html><html><body>No feed here.</body></html>");
        });

        var found = await PollAsync(await SubscribeAsync("/news"));
        var none = await PollAsync(await SubscribeAsync("/about"));

        Assert.Equal((server.Url("/news/feed.atom").ToString(), server.Url("/news").ToString(), "News (Atom)", 1), (found.Url, found.SiteUrl, found.Title, found.ArticleCount));
        Assert.StartsWith("not a feed", none.LastError, StringComparison.Ordinal);
        Assert.Equal(1, none.Failures);
    }

    [Fact]
    public async Task Feeds_that_break_the_rules_are_refused_with_the_reason()
    {
        for (var hop = 0; hop < 7; hop++)
        {
            var next = $"/hop{hop + 1}";
            server.Serve($"/hop{hop}", http =>
            {
                http.Response.StatusCode = 302;
                http.Response.Headers.Location = next;
                return Task.CompletedTask;
            });
        }

        server.Serve("/huge.rss", async http =>
        {
            // Chunked, with no length to refuse it by: the cap must count the bytes as they come.
            http.Response.ContentType = "application/rss+xml";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < 80; i++)
            {
                await http.Response.Body.WriteAsync(chunk);
            }
        });
        server.Serve("/to-file", http =>
        {
            http.Response.StatusCode = 301;
            http.Response.Headers.Location = "file:///etc/passwd";
            return Task.CompletedTask;
        });

        Assert.Equal("more than 5 redirects.", (await PollAsync(await SubscribeAsync("/hop0"))).LastError);
        Assert.Equal("larger than 4 MiB", (await PollAsync(await SubscribeAsync("/huge.rss"))).LastError);
        Assert.Equal("refused: file is not http or https.", (await PollAsync(await SubscribeAsync("/to-file"))).LastError);
    }

    [Fact]
    public async Task Feeds_on_private_addresses_are_refused_unless_allowed()
    {
        await using var strict = await TestDatabase.CreateAsync(services => services.Configure<FeedOptions>(o => o.AllowPrivateHosts = false));
        server.ServeFeed("/wire.rss", FeedServer.Rss("Wire", ("Item", "https://wire.example/p", "Text.")));
        var (feed, _) = await strict.Service<FeedStore>().AddAsync(new FeedRequest(server.Url("/wire.rss").ToString()));

        await strict.Service<FeedPoller>().PollAsync(feed!);

        var refused = (await strict.Service<FeedStore>().FindAsync(feed!.Id))!;
        Assert.Equal("127.0.0.1 is a private or local address, which feeds may not come from.", refused.LastError);
        Assert.Equal(0, server.Count("/wire.rss").Requests);
    }

    [Fact]
    public async Task A_feed_of_summaries_can_bring_each_items_full_text_from_its_page()
    {
        server.Serve("/story", http =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync("""
                <html><head><title>Story</title></head><body><nav>Home · World · Sport</nav>
                <article><h1>Convoy reaches Aleppo</h1><p>The long-awaited aid convoy reached eastern Aleppo on Monday after weeks of talks between the warring parties and the United Nations.</p>
                <p>Aid workers said the trucks carried food, medicine and blankets for more than forty thousand people trapped by the fighting.</p>
                <p>A second convoy is expected later this week if the truce holds, officials said in a statement on Monday evening.</p></article>
                <footer>© Wire</footer></body></html>
                """);
        });
        server.ServeFeed("/summaries.rss", FeedServer.Rss("Summaries", ("Convoy reaches Aleppo", server.Url("/story").ToString(), "The aid convoy reached Aleppo.")));

        var feed = await PollAsync(await SubscribeAsync("/summaries.rss", fullText: true));

        var article = (await db.Articles.FindAsync((await db.Articles.PageAsync(new ArticleQuery(FeedId: feed.Id))).Items.Single().Id))!;
        Assert.StartsWith("The long-awaited aid convoy reached eastern Aleppo", article.Body, StringComparison.Ordinal);
        Assert.Contains("A second convoy is expected", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Home · World", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_travel_as_OPML_into_a_fresh_store()
    {
        var store = db.Service<FeedStore>();
        await store.AddAsync(new FeedRequest("https://wire.example/feed.rss", "Wire"));
        await store.AddAsync(new FeedRequest("https://news.example/atom", "وكالة الأنباء"));
        var opml = Opml.Write("NewsReader", await store.OutlinesAsync(), DateTimeOffset.UnixEpoch);

        await using var fresh = await TestDatabase.CreateAsync();
        var (added, existing, problems) = await fresh.Service<FeedStore>().ImportAsync(Opml.Read(opml));
        var again = await fresh.Service<FeedStore>().ImportAsync(Opml.Read(opml));

        Assert.Equal((2, 0), (added, existing));
        Assert.Empty(problems);
        Assert.Equal((0, 2), (again.Added, again.Existing));
        Assert.Equal(["https://news.example/atom", "https://wire.example/feed.rss"], (await fresh.Service<FeedStore>().ListAsync(null)).Select(f => f.Feed.Url).Order(StringComparer.Ordinal));
        Assert.Equal(["Wire", "وكالة الأنباء"], (await fresh.Service<FeedStore>().ListAsync(null)).Select(f => f.Feed.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bad_subscriptions_are_refused_with_the_reason_and_unsubscribing_keeps_the_articles()
    {
        var store = db.Service<FeedStore>();

        Assert.Equal("Give the address of a feed, or of a page that links to one.", (await store.AddAsync(new FeedRequest(" "))).Problem);
        Assert.Equal("'ftp://wire.example/feed' is not an http or https address.", (await store.AddAsync(new FeedRequest("ftp://wire.example/feed"))).Problem);
        Assert.StartsWith("A feed is checked every 1 to", (await store.AddAsync(new FeedRequest("https://wire.example/a", IntervalMinutes: 0))).Problem, StringComparison.Ordinal);
        Assert.Null((await store.AddAsync(new FeedRequest("https://wire.example/a"))).Problem);
        Assert.Equal("https://wire.example/a is already a subscription.", (await store.AddAsync(new FeedRequest("https://wire.example/a"))).Problem);

        server.ServeFeed("/wire.rss", FeedServer.Rss("Wire", ("Kept", "https://wire.example/kept", "Kept after unsubscribing.")));
        var feed = await PollAsync(await SubscribeAsync("/wire.rss"));
        Assert.True(await store.DeleteAsync(feed.Id));
        await using var context = await db.OpenAsync();
        Assert.Null((await context.Articles.SingleAsync(a => a.SourceKey == "https://wire.example/kept")).FeedId);
    }
}
