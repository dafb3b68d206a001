using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Comments as a reader writes them: with the mouse or the keyboard alone, in Markdown, edited,
/// overlapping, kept across reloads and dropped connections, and never silently overwritten by another tab.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class CommentTests(NewsReaderApp app) : IAsyncLifetime
{
    private const string Flight = "نزوحا كثيفا تحت وطأة هجوم عنيف";
    private const string Siege = "ولا سيما ان هذه الاحياء تعاني من حصار مطبق";

    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    private static ILocator Panel(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Your highlights" });

    private static ILocator Item(IPage page, string quote) => Panel(page).Locator("li.annotation-item").Filter(new() { HasText = quote });

    private static ILocator Editor(IPage page) => page.GetByRole(AriaRole.Dialog, new() { Name = "Comment on the passage" });

    private static async Task<IPage> CommentAsync(IPage page, string passage, string comment)
    {
        await MouseSelection.DragAcrossAsync(page, passage);
        await page.GetByRole(AriaRole.Toolbar, new() { Name = "Selection" }).GetByRole(AriaRole.Button, new() { Name = "Comment" }).ClickAsync();
        await Editor(page).GetByLabel("Comment", new() { Exact = true }).FillAsync(comment);
        return page;
    }

    [Fact]
    public async Task A_Markdown_comment_with_tags_is_previewed_saved_and_rendered_after_a_reload()
    {
        var page = await app.OpenSeedReaderAsync();
        await CommentAsync(page, Flight, "هذا **مهم** — [the AFP wire](https://example.org/afp)");
        var editor = Editor(page);
        Assert.Equal("auto", await editor.GetByLabel("Comment", new() { Exact = true }).GetAttributeAsync("dir"));
        await editor.GetByLabel("Add tag").FillAsync("نزوح");
        await editor.GetByLabel("Add tag").PressAsync("Enter");
        await editor.GetByLabel("Add tag").FillAsync("Aleppo siege");
        await editor.GetByLabel("Add tag").PressAsync("Enter");
        await Assertions.Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Remove tag نزوح" })).ToBeVisibleAsync();

        await editor.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(editor.GetByTestId("comment-preview").Locator("strong")).ToHaveTextAsync("مهم");
        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "comment-editor.png") });
        await editor.GetByRole(AriaRole.Tab, new() { Name = "Write" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        var item = Item(page, Flight);
        await Assertions.Expect(item.Locator(".comment strong")).ToHaveTextAsync("مهم");
        var link = item.Locator(".comment a");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "https://example.org/afp");
        await Assertions.Expect(link).ToHaveAttributeAsync("rel", "nofollow noopener noreferrer");
        await Assertions.Expect(item.GetByRole(AriaRole.List, new() { Name = "Tags" }).Locator("li")).ToHaveTextAsync(["نزوح", "Aleppo siege"]);
        await page.WaitForFunctionAsync(
            "passage => [...(CSS.highlights.get('annotation-yellow') ?? [])].some(r => r.toString() === passage)", Flight);
    }

    [Fact]
    public async Task An_overlapping_highlight_is_painted_over_the_first_and_a_click_on_it_opens_it_in_the_panel()
    {
        var page = await app.OpenSeedReaderAsync();
        await MouseSelection.DragAcrossAsync(page, Flight);
        await page.GetByRole(AriaRole.Button, new() { Name = "Highlight", Exact = true }).ClickAsync();
        await Assertions.Expect(Item(page, Flight)).ToHaveCountAsync(1);

        const string overlapping = "تحت وطأة هجوم عنيف تشنه";
        await MouseSelection.DragAcrossAsync(page, overlapping);
        await page.GetByRole(AriaRole.Button, new() { Name = "Highlight blue" }).ClickAsync();
        await Assertions.Expect(Item(page, overlapping)).ToHaveCountAsync(1);

        // Both ranges are painted, and the words they share lie in both: the two colours blend there.
        await page.WaitForFunctionAsync("() => CSS.highlights.get('annotation-yellow')?.size === 1 && CSS.highlights.get('annotation-blue')?.size === 1");
        var shared = await page.EvaluateAsync<string>(
            """
            () => {
                const [yellow] = CSS.highlights.get('annotation-yellow'), [blue] = CSS.highlights.get('annotation-blue');
                const both = new Range();
                both.setStart(blue.startContainer, blue.startOffset);
                both.setEnd(yellow.endContainer, yellow.endOffset);
                return both.toString();
            }
            """);
        Assert.Equal("تحت وطأة هجوم عنيف", shared);

        // A click on a word only the blue highlight covers opens that highlight in the panel.
        await page.EvaluateAsync("""
            () => {
                const [blue] = CSS.highlights.get('annotation-blue');
                const text = blue.endContainer, at = blue.endOffset - 3;
                const range = new Range();
                range.setStart(text, at);
                range.setEnd(text, at + 1);
                const box = range.getBoundingClientRect();
                window.__clickAt = [box.left + box.width / 2, box.top + box.height / 2];
            }
            """);
        var point = await page.EvaluateAsync<double[]>("() => window.__clickAt");
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
        await Assertions.Expect(Item(page, overlapping)).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(Item(page, Flight)).Not.ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task A_comment_is_edited_in_place()
    {
        var page = await app.OpenSeedReaderAsync();
        await CommentAsync(page, Siege, "first thought");
        await Editor(page).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Item(page, Siege).Locator(".comment")).ToHaveTextAsync("first thought");

        await Item(page, Siege).GetByRole(AriaRole.Button, new() { NameRegex = new("^Edit highlight") }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Dialog, new() { Name = "Edit annotation" });
        await Assertions.Expect(editor.GetByLabel("Comment", new() { Exact = true })).ToHaveValueAsync("first thought");
        await editor.GetByLabel("Comment", new() { Exact = true }).FillAsync("second *thought*");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Item(page, Siege).Locator(".comment em")).ToHaveTextAsync("thought");
        await Assertions.Expect(Item(page, Siege)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_keyboard_alone_selects_highlights_and_comments()
    {
        var page = await app.OpenSeedReaderAsync();
        for (var i = 0; i < 60 && !await page.EvaluateAsync<bool>("() => document.activeElement.matches('mark.mention')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var mark = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Control+Shift+ArrowLeft");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "Selection" })).ToBeVisibleAsync();
        var selected = await page.EvaluateAsync<string>("() => getSelection().toString().trim()");
        Assert.StartsWith(mark, selected, StringComparison.Ordinal);
        Assert.True(selected.Length > mark.Length, $"Three words from the mark, not only the mark: '{selected}'");

        await page.Keyboard.PressAsync("c");
        var comment = Editor(page).GetByLabel("Comment", new() { Exact = true });
        await Assertions.Expect(comment).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("written without a mouse");
        var save = Editor(page).GetByRole(AriaRole.Button, new() { Name = "Save" });
        for (var i = 0; i < 30 && !await save.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Item(page, selected).Locator(".comment")).ToHaveTextAsync("written without a mouse");

        // Escape lets a selection go; h highlights the next one.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Locator("mark.mention").Nth(5).FocusAsync();
        await page.Keyboard.PressAsync("Control+Shift+ArrowLeft");
        await Assertions.Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "Selection" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "Selection" })).ToHaveCountAsync(0);
        await page.Locator("mark.mention").Nth(5).FocusAsync();
        await page.Keyboard.PressAsync("Control+Shift+ArrowLeft");
        await page.Keyboard.PressAsync("Control+Shift+ArrowLeft");
        var highlighted = await page.EvaluateAsync<string>("() => getSelection().toString().trim()");
        await page.Keyboard.PressAsync("h");
        await Assertions.Expect(Item(page, highlighted)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_unsaved_comment_survives_a_reload_and_is_offered_again()
    {
        var page = await app.OpenSeedReaderAsync();
        await CommentAsync(page, Siege, "words the reader must not lose");

        // Written into the browser as typed: the page goes away without Save.
        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        var drafts = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Unsaved comments" });
        await Assertions.Expect(drafts).ToContainTextAsync("words the reader must not lose");
        await drafts.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Assertions.Expect(Editor(page).GetByLabel("Comment", new() { Exact = true })).ToHaveValueAsync("words the reader must not lose");
        await Editor(page).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Item(page, Siege).Locator(".comment")).ToHaveTextAsync("words the reader must not lose");

        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(Item(page, Siege)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("Unsaved comments")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unsaved_comment_is_its_readers_alone_and_goes_with_the_sign_out()
    {
        var page = await app.OpenSeedReaderAsync();
        await CommentAsync(page, Siege, "the editor's unsaved thoughts");
        var keys = await page.EvaluateAsync<string[]>("() => Object.keys(localStorage).filter(k => k.startsWith('newsreader:draft:'))");
        Assert.Single(keys);

        // Another reader signed in on the same browser is not offered it.
        using (await app.SignedInClientAsync("second-reader@newsreader.test"))
        {
        }

        var other = await app.SignInStateAsync("second-reader@newsreader.test");
        var cookies = System.Text.Json.JsonDocument.Parse(other).RootElement.GetProperty("cookies").EnumerateArray()
            .Select(c => new Microsoft.Playwright.Cookie { Name = c.GetProperty("name").GetString()!, Value = c.GetProperty("value").GetString()!, Url = app.BaseAddress.ToString() });
        await page.Context.AddCookiesAsync(cookies);
        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await NewsReaderApp.WaitUntilReaderFollowsAsync(page);
        await Assertions.Expect(page.GetByText("Unsaved comments")).ToHaveCountAsync(0);

        // Signing out clears what the browser kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("() => Object.keys(localStorage).filter(k => k.startsWith('newsreader:draft:'))"));
    }

    [Fact]
    public async Task A_comment_typed_while_the_connection_is_down_is_offered_after_a_reload()
    {
        var page = await app.OpenSeedReaderAsync();
        await CommentAsync(page, Siege, "before the drop");
        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => Blazor.disconnect?.()");
        await Editor(page).GetByLabel("Comment", new() { Exact = true }).FillAsync("typed while offline");
        await page.Context.SetOfflineAsync(false);

        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Unsaved comments" })).ToContainTextAsync("typed while offline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("Unsaved comments")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_save_from_a_second_tab_is_reported_as_a_conflict_with_both_versions()
    {
        var first = await app.OpenSeedReaderAsync();
        await CommentAsync(first, Siege, "the original");
        await Editor(first).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Item(first, Siege).Locator(".comment")).ToHaveTextAsync("the original");

        var second = await app.OpenSeedReaderAsync();
        foreach (var page in new[] { first, second })
        {
            await Item(page, Siege).GetByRole(AriaRole.Button, new() { NameRegex = new("^Edit highlight") }).ClickAsync();
        }

        var secondEditor = second.GetByRole(AriaRole.Dialog, new() { Name = "Edit annotation" });
        await secondEditor.GetByLabel("Comment", new() { Exact = true }).FillAsync("from the second tab");
        await secondEditor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Item(second, Siege).Locator(".comment")).ToHaveTextAsync("from the second tab");

        var firstEditor = first.GetByRole(AriaRole.Dialog, new() { Name = "Edit annotation" });
        await firstEditor.GetByLabel("Comment", new() { Exact = true }).FillAsync("from the first tab");
        await firstEditor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var conflict = firstEditor.GetByRole(AriaRole.Alert, new() { Name = "Conflict" });
        await Assertions.Expect(conflict.GetByTestId("their-version")).ToHaveTextAsync("from the second tab");
        await Assertions.Expect(conflict.GetByTestId("your-version")).ToHaveTextAsync("from the first tab");
        await Assertions.Expect(Item(first, Siege).Locator(".comment")).ToHaveTextAsync("the original");

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await Assertions.Expect(firstEditor).ToHaveCountAsync(0);
        await Assertions.Expect(Item(first, Siege).Locator(".comment")).ToHaveTextAsync("from the first tab");
        await second.ReloadAsync();
        await Assertions.Expect(Item(second, Siege).Locator(".comment")).ToHaveTextAsync("from the first tab");
        await first.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "reader-comments.png") });
    }
}
