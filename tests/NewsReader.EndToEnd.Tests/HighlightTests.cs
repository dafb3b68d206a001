using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

[Collection(NewsReaderAppGroup.Name)]
public sealed class HighlightTests(NewsReaderApp app) : IAsyncLifetime
{
    private const string Passage = "آن الاوان ليستيقظ المجتمع الدولي";

    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    [Fact]
    public async Task A_dragged_passage_is_highlighted_kept_across_a_reload_and_deleted_with_undo()
    {
        var list = await app.OpenAsync("/");
        var href = await list.Locator("article h2 a").First.GetAttributeAsync("href");
        await list.Context.CloseAsync();
        var page = await app.OpenAsync("/" + href);

        await MouseSelection.DragAcrossAsync(page, Passage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Highlight green" }).ClickAsync();

        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Your highlights" });
        await Assertions.Expect(panel.Locator(".quote")).ToHaveTextAsync(Passage);
        await page.WaitForFunctionAsync("() => CSS.highlights.get('annotation-green')?.size === 1");
        Assert.Equal(Passage, await page.EvaluateAsync<string>("() => [...CSS.highlights.get('annotation-green')][0].toString()"));

        await page.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(panel.Locator(".quote")).ToHaveTextAsync(Passage);
        await page.WaitForFunctionAsync("() => CSS.highlights.get('annotation-green')?.size === 1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "reader-highlight.png") });

        await panel.GetByRole(AriaRole.Button, new() { NameRegex = new("^Delete highlight") }).ClickAsync();
        await Assertions.Expect(panel.Locator(".quote")).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => (CSS.highlights.get('annotation-green')?.size ?? 0) === 0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(panel.Locator(".quote")).ToHaveTextAsync(Passage);
        await page.WaitForFunctionAsync("() => CSS.highlights.get('annotation-green')?.size === 1");
    }
}
