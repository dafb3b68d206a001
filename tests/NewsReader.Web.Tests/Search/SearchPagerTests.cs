using NewsReader.Web.Components.Search;

namespace NewsReader.Web.Tests.Search;

public class SearchPagerTests : InterfaceContext
{
    private IRenderedComponent<SearchPager> Pager(int total, bool exact, int page) => Render<SearchPager>(p => p
        .Add(x => x.Total, total).Add(x => x.TotalIsExact, exact).Add(x => x.PageSize, 10).Add(x => x.PageNumber, page)
        .Add(x => x.Link, n => $"search?q=x&page={n}"));

    [Fact]
    public void An_exact_total_gives_the_last_page_and_no_next_link_on_it()
    {
        Assert.Equal("Page 2 of 3", Pager(25, exact: true, page: 2).Find("span").TextContent);
        Assert.Empty(Pager(25, exact: true, page: 3).FindAll("a[rel=next]"));
    }

    [Fact]
    public void A_total_that_was_not_counted_to_the_end_says_more_and_goes_on_past_it()
    {
        var pager = Pager(10_000, exact: false, page: 1000);

        Assert.Equal("Page 1,000 of more than 1,000", pager.Find("span").TextContent);
        Assert.Equal("search?q=x&page=1001", pager.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void In_Arabic_the_pager_says_more_in_Arabic()
    {
        using var arabic = new InterfaceLanguage("ar");

        Assert.Equal("الصفحة 2 من أكثر من 1,000", Pager(10_000, exact: false, page: 2).Find("span").TextContent);
    }
}
