using System.Globalization;
using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

[Collection(NewsReaderAppGroup.Name)]
public class ReaderPageTests(NewsReaderApp app)
{
    private const string Body = "[data-testid=article-body]";

    [Fact]
    public async Task The_reader_shows_the_article_right_to_left_in_the_self_hosted_Naskh_font()
    {
        var page = await app.OpenAsync(await SeedPathAsync());

        var body = page.Locator(Body);
        Assert.Equal(("rtl", "ar"), (await body.GetAttributeAsync("dir"), await body.GetAttributeAsync("lang")));
        Assert.True(await page.EvaluateAsync<bool>(
            """
            async () => {
                await document.fonts.ready;
                const naskh = [...document.fonts].filter(f => f.family.replaceAll('"', '') === 'Noto Naskh Arabic');
                return naskh.some(f => f.status === 'loaded') && document.fonts.check('22px "Noto Naskh Arabic"', 'حلب');
            }
            """));
        var style = await body.EvaluateAsync<string[]>(
            "e => { const s = getComputedStyle(e.querySelector('p')); return [s.fontFamily, s.lineHeight, s.fontSize, s.letterSpacing]; }");
        Assert.StartsWith("\"Noto Naskh Arabic\"", style[0], StringComparison.Ordinal);
        Assert.True(Pixels(style[1]) >= 1.8 * Pixels(style[2]), $"line height {style[1]} for font size {style[2]}");
        Assert.Equal("normal", style[3]);
        Assert.True(await page.Locator($"{Body} p").CountAsync() >= 6);

        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "reader.png"), FullPage = true });
    }

    [Fact]
    public async Task Text_size_and_dark_theme_persist_in_this_browser()
    {
        var page = await app.OpenAsync(await SeedPathAsync());
        var sizeBefore = await FontSizeAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]", new() { State = WaitForSelectorState.Attached });
        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);

        Assert.True(await FontSizeAsync(page) > sizeBefore);
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).GetAttributeAsync("aria-pressed"));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 20, 23)", background);
        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "reader-dark.png") });

        var otherBrowser = await app.OpenAsync(await SeedPathAsync());
        Assert.Equal(sizeBefore, await FontSizeAsync(otherBrowser));
    }

    [Fact]
    public async Task The_text_size_can_be_changed_with_the_keyboard_alone()
    {
        var page = await app.OpenAsync(await SeedPathAsync());
        var sizeBefore = await FontSizeAsync(page);

        // The page's heading has the focus after navigation; the controls are back up in the app bar.
        for (var i = 0; i < 10 && await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')") != "Smaller text"; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(Body)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-size-2"));
        Assert.True(await FontSizeAsync(page) < sizeBefore);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_reader_and_the_list_have_no_serious_accessibility_violations(string theme)
    {
        var page = await app.OpenAsync("/");
        if (theme == "dark")
        {
            await NewsReaderApp.SwitchToDarkThemeAsync(page);
        }

        foreach (var path in new[] { "/", await SeedPathAsync() })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await NewsReaderApp.WaitUntilInteractiveAsync(page);

            Assert.Equal(theme, await page.GetAttributeAsync("html", "data-theme"));
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"{path} ({theme})");
        }
    }

    [Fact]
    public async Task The_list_leads_to_the_reader()
    {
        var page = await app.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^ايرولت") }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/\\d+$"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ايرولت يدعو إلى اجتماع في باريس");
        await Assertions.Expect(page.Locator(Body)).ToContainTextAsync("جان مارك ايرولت");
    }

    [Fact]
    public async Task An_unknown_article_shows_the_not_found_page()
    {
        var page = await app.OpenAsync("/articles/999999");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the articles" })).ToBeVisibleAsync();
    }

    private async Task<string> SeedPathAsync()
    {
        var page = await app.OpenAsync("/");
        var href = await page.Locator("article h2 a").First.GetAttributeAsync("href");
        await page.Context.CloseAsync();
        return "/" + href;
    }

    private static async Task<double> FontSizeAsync(IPage page) =>
        Pixels(await page.Locator($"{Body} p").First.EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));

    private static double Pixels(string cssLength) =>
        double.Parse(cssLength.Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
