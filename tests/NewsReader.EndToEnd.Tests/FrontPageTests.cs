using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Articles;
using NewsReader.Data.Articles;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The front page and <c>GET /api/articles</c>: filters in the address, pages by cursor, reading state.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class FrontPageTests(NewsReaderApp app) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.DeleteArticlesButTheSeedAsync();
        var importer = app.Services.GetRequiredService<ArticleImporter>();
        var drafts = new[]
        {
            new ArticleDraft("fp-en", "Aid reaches Aleppo", "An aid convoy reached Aleppo on Monday.", "en", "Wire", null, Day(5)),
            new ArticleDraft("fp-ar", "هدنة في حلب", "أعلنت هدنة جديدة في حلب صباح اليوم.", "ar", "رويترز", null, Day(4)),
            new ArticleDraft("fp-old", "أسعار الخبز", "ارتفعت أسعار الخبز في دمشق.", "ar", "رويترز", null, Day(3)),
        };
        foreach (var draft in drafts)
        {
            await importer.ImportAsync(draft);
        }
    }

    public async Task DisposeAsync() => await app.DeleteArticlesButTheSeedAsync();

    private static DateTimeOffset Day(int day) => new(2016, 12, day, 8, 0, 0, TimeSpan.Zero);

    private async Task<JsonDocument> ListAsync(string query, HttpClient? client = null)
    {
        using var response = await (client ?? app.Http).GetAsync(new Uri("/api/articles" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Titles(JsonDocument list) =>
        list.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task The_API_pages_by_cursor_and_filters_by_source_language_days_and_entity()
    {
        using var first = await ListAsync("?pageSize=2");
        var next = first.RootElement.GetProperty("next").GetString();
        using var second = await ListAsync($"?pageSize=2&before={Uri.EscapeDataString(next!)}");

        Assert.Equal(["Aid reaches Aleppo", "هدنة في حلب"], Titles(first));
        Assert.Equal("أسعار الخبز", Titles(second)[0]);
        using (var reuters = await ListAsync("?source=" + Uri.EscapeDataString("رويترز")))
        {
            Assert.Equal(["هدنة في حلب", "أسعار الخبز"], Titles(reuters));
        }

        using (var english = await ListAsync("?language=en"))
        {
            Assert.Equal(["Aid reaches Aleppo"], Titles(english));
        }

        using (var days = await ListAsync("?from=2016-12-04&to=2016-12-04"))
        {
            Assert.Equal(["هدنة في حلب"], Titles(days));
        }

        // The English story names Aleppo too, in English.
        using var aleppo = await ListAsync("?entity=aleppo&pageSize=3");
        Assert.Equal(["Aid reaches Aleppo", "هدنة في حلب"], Titles(aleppo)[..2]);
        Assert.DoesNotContain("أسعار الخبز", Titles(aleppo));
    }

    [Theory]
    [InlineData("?pageSize=0", "1 to 100")]
    [InlineData("?pageSize=101", "1 to 100")]
    [InlineData("?pageSize=ten", "pageSize")]
    [InlineData("?before=not-a-cursor", "cursor")]
    [InlineData("?from=1-12-2016", "2016-12-01")]
    [InlineData("?from=2016-12-05&to=2016-12-01", "first day")]
    [InlineData("?unread=maybe", "true or false")]
    public async Task Bad_parameters_get_400_with_the_reason(string query, string reason)
    {
        using var response = await app.Http.GetAsync(new Uri("/api/articles" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_state_is_the_readers_own_through_the_API()
    {
        var reader = await app.SignedInClientAsync("front-page-reader@newsreader.test");
        using var all = await ListAsync("?pageSize=10", reader);
        var ids = all.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList();

        using (await reader.PostAsJsonAsync(new Uri("/api/articles/read", UriKind.Relative), new { ids = ids.Take(2) }))
        {
        }

        using (var saved = await reader.PutAsync(new Uri($"/api/articles/{ids[3]}/saved", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        }

        using (var unread = await ListAsync("?unread=true", reader))
        {
            Assert.Equal(ids.Skip(2), unread.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
        }

        using (var savedList = await ListAsync("?saved=true", reader))
        {
            Assert.Equal([ids[3]], savedList.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
        }

        using (var markedUnread = await reader.DeleteAsync(new Uri($"/api/articles/{ids[0]}/read", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, markedUnread.StatusCode);
        }

        using (var unknown = await reader.PutAsync(new Uri("/api/articles/999999/read", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var anonymous = await app.Anonymous.PutAsync(new Uri($"/api/articles/{ids[0]}/read", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var editorsView = await ListAsync("?unread=true");
        Assert.Contains(ids[1], editorsView.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Filters_live_in_the_address_and_the_list_follows_them()
    {
        var page = await app.OpenAsync("/?language=en");

        await Assertions.Expect(page.Locator(".article-card h2")).ToHaveTextAsync(["Aid reaches Aleppo"]);

        await page.GotoAsync(new Uri(app.BaseAddress, "/?entity=aleppo").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".article-card h2").Nth(1)).ToHaveTextAsync("هدنة في حلب");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Person, place or organization" })).ToHaveValueAsync("Aleppo");

        // Clearing the filters goes back to every article.
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await Assertions.Expect(page.Locator(".article-card")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task Opening_an_article_reads_it_saving_keeps_it_and_a_page_can_be_marked_read()
    {
        var reader = await app.SignInStateAsync(await RegisterAsync("front-page-browser@newsreader.test"));
        var context = await app.Browser.NewContextAsync(new() { StorageState = reader, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/?unread=true").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".article-card.unread")).ToHaveCountAsync(4);

        await page.GetByRole(AriaRole.Link, new() { Name = "هدنة في حلب" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark unread" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Read later" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read later" })).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GotoAsync(new Uri(app.BaseAddress, "/?unread=true").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".article-card h2")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "هدنة في حلب" })).ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(app.BaseAddress, "/?saved=true").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".article-card h2")).ToHaveTextAsync(["هدنة في حلب"]);

        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all on this page read" }).ClickAsync();
        await Assertions.Expect(page.Locator(".article-card.unread")).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(app.BaseAddress, "/?unread=true").ToString());
        await Assertions.Expect(page.GetByText("No article matches these filters.")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    private async Task<string> RegisterAsync(string email)
    {
        using var client = await app.SignedInClientAsync(email);
        return email;
    }
}
