using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The main pages in both interface languages, light and dark, on a desktop and on a 390 px phone: the chrome
/// takes the language's direction, the article keeps its own, nothing scrolls sideways, axe finds nothing serious.
/// Screenshots of each go to the test output's screenshots folder.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class InterfaceTourTests(NewsReaderApp app)
{
    public static TheoryData<string, bool, bool> Cases()
    {
        var cases = new TheoryData<string, bool, bool>();
        foreach (var language in new[] { "ar", "en" })
        {
            foreach (var dark in new[] { false, true })
            {
                foreach (var phone in new[] { false, true })
                {
                    cases.Add(language, dark, phone);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_main_page_reads_in_the_language_on_any_screen(string language, bool dark, bool phone)
    {
        var seed = await app.SeedArticleIdAsync();
        await using var context = await app.Browser.NewContextAsync(ContextOptions(language, phone, await app.EditorStateAsync()));
        if (dark)
        {
            await context.AddCookiesAsync([new Cookie { Name = "newsreader-preferences", Value = "theme%3Ddark%26size%3D3", Url = app.BaseAddress.ToString() }]);
        }

        var page = await context.NewPageAsync();
        var pages = new Dictionary<string, string>
        {
            ["front"] = "/",
            ["reader"] = $"/articles/{seed}",
            ["search"] = "/search?q=%D8%AD%D9%84%D8%A8",
            ["entity"] = "/entities/aleppo",
            ["map"] = "/map",
            ["feeds"] = "/feeds",
            ["add"] = "/articles/new",
            ["jobs"] = "/jobs",
        };
        foreach (var (name, path) in pages)
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await NewsReaderApp.WaitUntilInteractiveAsync(page);
            var where = $"{name} ({language}, {(dark ? "dark" : "light")}, {(phone ? "phone" : "desktop")})";

            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
            Assert.Equal(dark ? "dark" : "light", await page.GetAttributeAsync("html", "data-theme"));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"),
                $"{where} scrolls sideways: {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px");
            if (name is "front" or "map")
            {
                Assert.Equal("whole and clear of its arrow", await EntityFilterLabelAsync(page));
            }

            if (name == "reader")
            {
                // The Arabic article stays right to left in the English interface.
                Assert.Equal("rtl", await page.GetAttributeAsync("[data-testid=article-body]", "dir"));
                Assert.Equal("ar", await page.GetAttributeAsync("[data-testid=article-body]", "lang"));
            }

            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(NewsReaderApp.ScreenshotFolder, $"{name}-{language}-{(dark ? "dark" : "light")}-{(phone ? "phone" : "desktop")}.png"),
            });
            await Accessibility.AssertNoSeriousViolationsAsync(page, where);
        }
    }

    [Fact]
    public async Task The_Arabic_interface_names_entities_in_Arabic_and_the_English_one_in_English()
    {
        var seed = await app.SeedArticleIdAsync();
        foreach (var (language, aleppo, people) in new[] { ("ar", "حلب", "أشخاص"), ("en", "Aleppo", "People") })
        {
            await using var context = await app.Browser.NewContextAsync(ContextOptions(language, phone: false, await app.EditorStateAsync()));
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(app.BaseAddress, $"/articles/{seed}").ToString());

            var panel = page.Locator(".entity-panel");
            await Assertions.Expect(panel.GetByText(aleppo, new() { Exact = true })).ToHaveCountAsync(1);
            await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = people })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task A_reader_switches_the_language_in_the_app_bar_and_it_stays_chosen()
    {
        await using var context = await app.Browser.NewContextAsync(ContextOptions("en", phone: false, storageState: null));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/feeds").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        await page.Locator(".app-preferences").GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.EndsWith("/feeds", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "المصادر", Level = 1 })).ToBeVisibleAsync();

        // The browser still asks for English; the choice in the cookie wins, on every page after.
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/login").ToString());
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الدخول" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("en", "ltr")]
    public async Task An_empty_field_starts_in_the_interface_direction_and_then_follows_what_is_typed(string language, string empty)
    {
        await using var context = await app.Browser.NewContextAsync(ContextOptions(language, phone: false, storageState: null));
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        var search = page.GetByTestId("search-box");
        Task<string> DirectionAsync() => search.EvaluateAsync<string>("e => getComputedStyle(e).direction");

        Assert.Equal(empty, await DirectionAsync());
        await search.FillAsync("Aleppo");
        Assert.Equal("ltr", await DirectionAsync());
        await search.FillAsync("حلب");
        Assert.Equal("rtl", await DirectionAsync());
    }

    [Fact]
    public async Task On_a_phone_the_app_bar_keeps_the_brand_a_search_button_and_one_menu()
    {
        await using var context = await app.Browser.NewContextAsync(ContextOptions("ar", phone: true, await app.EditorStateAsync()));
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.Locator(".brand")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("search-box")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".app-links")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "بحث" }).TapAsync();
        var search = page.GetByTestId("search-box");
        await Assertions.Expect(search).ToBeVisibleAsync();
        var box = (await search.BoundingBoxAsync())!;
        Assert.True(box.Width > 250, $"the search box is {box.Width} px wide on a 390 px screen");
        await search.FillAsync("حلب");
        await search.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q="));

        await page.GetByRole(AriaRole.Button, new() { Name = "القائمة" }).TapAsync();
        var menu = page.Locator(".app-menu-panel");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "المصادر" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeVisibleAsync();
        await menu.GetByRole(AriaRole.Button, new() { Name = "السمة الداكنة" }).TapAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
    }

    [Fact]
    public async Task On_a_phone_the_articles_entities_are_a_drawer_that_steps_to_a_mention()
    {
        await using var context = await app.Browser.NewContextAsync(ContextOptions("en", phone: true, storageState: null));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, $"/articles/{await app.SeedArticleIdAsync()}").ToString());
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        var entities = page.GetByRole(AriaRole.Navigation, new() { Name = "Entities in this article" });
        await Assertions.Expect(entities).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "In this article" }).TapAsync();
        await Assertions.Expect(entities).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Close" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "entity-drawer-phone.png") });
        await entities.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Jean-Marc Ayrault") }).TapAsync();

        await Assertions.Expect(entities).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("mark.mention:focus")).ToHaveTextAsync("جان مارك ايرولت");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"));
    }

    [Fact]
    public async Task On_a_phone_a_passage_selected_by_touch_is_highlighted_with_a_tap()
    {
        const string passage = "حصار مطبق";
        var seed = await app.SeedArticleIdAsync();
        await app.ClearAnnotationsAsync(seed);
        await using var context = await app.Browser.NewContextAsync(ContextOptions("ar", phone: true, await app.EditorStateAsync()));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, $"/articles/{seed}").ToString());
        await NewsReaderApp.WaitUntilReaderFollowsAsync(page);

        // A long press selects a word and its handles grow the selection; what the page sees is the selection changing
        // with a touch pointer and no mouse button, which is what happens here.
        await page.Locator("[data-testid=article-body]").TapAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.EvaluateAsync(
            """
            phrase => {
                const paragraph = [...document.querySelectorAll('[data-testid=article-body] p')].find(p => p.textContent.includes(phrase));
                const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
                for (let node; (node = walker.nextNode());) {
                    const at = node.textContent.indexOf(phrase);
                    if (at >= 0) { node.parentElement.scrollIntoView({ block: 'center' }); getSelection().setBaseAndExtent(node, at, node, at + phrase.length); return; }
                }
            }
            """,
            passage);

        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "التحديد" });
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "تظليل", Exact = true }).TapAsync();

        await Assertions.Expect(page.Locator(".annotation-list li .quote")).ToHaveTextAsync(passage);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"));
        await app.ClearAnnotationsAsync(seed);
    }

    [Fact]
    public async Task Problem_details_come_in_the_language_the_request_asks_for_and_in_Arabic_without_one()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        foreach (var (language, title) in new[] { ("ar", "المقال غير موجود"), ("en", "Article not found"), ("", "المقال غير موجود") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/articles/987654", UriKind.Relative));
            if (language.Length > 0)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            using var response = await http.SendAsync(request);
            using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
            Assert.Contains("987654", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>How the entity filter's label rests in its empty field: cut short, or under its drop-down arrow.</summary>
    private static Task<string> EntityFilterLabelAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
            const field = document.querySelector('[role=search] .mud-autocomplete');
            const text = field.querySelector('label');
            const label = text.getBoundingClientRect();
            const arrow = field.querySelector('.mud-input-adornment-end').getBoundingClientRect();
            if (text.scrollWidth > text.clientWidth) return `cut short: ${text.clientWidth} of ${text.scrollWidth} px`;
            if (label.right > arrow.left && label.left < arrow.right) return `under the arrow: ${label.left}-${label.right} and ${arrow.left}-${arrow.right}`;
            return 'whole and clear of its arrow';
        }
        """);

    private static BrowserNewContextOptions ContextOptions(string language, bool phone, string? storageState) => new()
    {
        Locale = language == "ar" ? "ar" : "en-US",
        ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 900 },
        IsMobile = phone,
        HasTouch = phone,
        StorageState = storageState,
        DeviceScaleFactor = 1,
    };
}
