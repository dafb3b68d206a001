using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Annotations;
using NewsReader.Core.Entities;
using NewsReader.Data.Annotations;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;

namespace NewsReader.EndToEnd.Tests;

/// <summary>An Editor corrects an entity in the browser: its name and description, its spellings (the marks follow
/// at once), and deletes it. The Editors' pages pass axe.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class EntityEditTests(NewsReaderApp app)
{
    [Fact]
    public async Task An_Editor_renames_an_entity_changes_its_spellings_and_deletes_it()
    {
        var tagging = app.Services.GetRequiredService<ReaderTagging>();
        var (key, problem) = await tagging.CreateEntityAsync("Community of nations", EntityType.Organization, "المجتمع الدولي");
        Assert.Null(problem);
        var annotations = app.Services.GetRequiredService<AnnotationStore>();
        var articleId = await app.SeedArticleIdAsync();
        var body = (await app.Services.GetRequiredService<ArticleStore>().FindAsync(articleId))!.Body;
        var start = body.IndexOf("المجتمع الدولي", StringComparison.Ordinal);
        var about = await annotations.CreateAsync(articleId, "another reader", new AnnotationDraft(new(start, start + 14), EntityKeys: [key!]));
        await annotations.SetSharedAsync(about.Id, "another reader", shared: true);
        try
        {
            Assert.Null(await tagging.AddSpellingAsync(key!, "الأسرة الدولية"));
            var page = await app.OpenAsync($"/entities/{key}/edit");

            await page.GetByLabel("English name").FillAsync("International community");
            await page.GetByLabel("English description").FillAsync("Governments acting together");
            await page.GetByLabel("Arabic description").FillAsync("حكومات تعمل معا");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
            Assert.Equal("حكومات تعمل معا", (await app.Services.GetRequiredService<EntityStore>().FindAsync(key!))!.Descriptions["ar"]);

            await page.GetByRole(AriaRole.Button, new() { Name = "Remove the spelling الأسرة الدولية" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The spelling الأسرة الدولية is removed.");
            await page.GetByLabel("New spelling").FillAsync("الاسرة الدولية");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The spelling الاسرة الدولية is added.");
            await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Spellings" }).GetByRole(AriaRole.Listitem))
                .ToHaveTextAsync([new System.Text.RegularExpressions.Regex("الاسرة الدولية"), new System.Text.RegularExpressions.Regex("المجتمع الدولي")]);

            // The marks follow in the background: the Jobs list shows the re-scan, and the entity page its end.
            await page.GotoAsync(new Uri(app.BaseAddress, "/jobs").ToString());
            var job = page.Locator(".job-list li").Filter(new() { HasText = "“الاسرة الدولية”" });
            await Assertions.Expect(job.Locator(".state")).ToContainTextAsync("done: ", new() { Timeout = 15_000 });

            // The shared note about it links to it by its new name.
            await page.GotoAsync(new Uri(app.BaseAddress, $"/articles/{articleId}").ToString());
            var shared = page.GetByRole(AriaRole.List, new() { Name = "Shared by other readers" });
            await Assertions.Expect(shared.GetByRole(AriaRole.Link, new() { Name = "International community" })).ToBeVisibleAsync();

            // The entity page reads the corrections back, and the seed article's mention of it is listed.
            await page.GotoAsync(new Uri(app.BaseAddress, $"/entities/{key}").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("International community");
            await Assertions.Expect(page.GetByText("Governments acting together")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("ol.mentions mark").First).ToHaveTextAsync("المجتمع الدولي");

            await page.GetByRole(AriaRole.Link, new() { Name = "Edit entity" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete entity…" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete International community" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString(), new() { Timeout = 15_000 });
            Assert.Null(await app.Services.GetRequiredService<EntityStore>().FindAsync(key!));

            // A reader's note about the deleted entity keeps its key, shown as text: it links to no page.
            var reader = await app.OpenAnonymousAsync($"/articles/{articleId}");
            var aboutList = reader.GetByRole(AriaRole.List, new() { Name = "Shared by other readers" })
                .GetByRole(AriaRole.Listitem).Filter(new() { HasText = "المجتمع الدولي" }).GetByRole(AriaRole.List, new() { Name = "About" });
            await Assertions.Expect(aboutList).ToHaveTextAsync(key!);
            await Assertions.Expect(aboutList.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        }
        finally
        {
            await annotations.DeleteAsync(about.Id, "another reader");
            await app.Services.GetRequiredService<GazetteerEditor>().DeleteAsync(key!);
        }
    }

    [Theory]
    [InlineData("/entities/aleppo/edit", "Edit entity", false)]
    [InlineData("/articles/new", "Add articles", false)]
    [InlineData("/account/readers", "Readers", false)]
    [InlineData("/jobs", "Background work", false)]
    [InlineData("/", "Articles", false)]
    [InlineData("/", "Articles", true)]
    [InlineData("/entities/aleppo/edit", "Edit entity", true)]
    [InlineData("/account/readers", "Readers", true)]
    public async Task Editor_pages_have_no_serious_accessibility_violations(string path, string heading, bool dark)
    {
        await using var context = await app.Browser.NewContextAsync(new() { StorageState = await app.EditorStateAsync() });
        var page = await context.NewPageAsync();
        if (dark)
        {
            await page.GotoAsync(app.BaseAddress.ToString());
            await NewsReaderApp.WaitUntilInteractiveAsync(page);
            await NewsReaderApp.SwitchToDarkThemeAsync(page);
        }

        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        // axe looks at the page as the reader settles on it: while the circuit starts, the head is briefly re-rendered
        // without its title. The account pages are static forms, with no circuit to wait for.
        if (!path.StartsWith("/account/", StringComparison.Ordinal))
        {
            await NewsReaderApp.WaitUntilInteractiveAsync(page);
        }

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(".+ — NewsReader|NewsReader"));
        Assert.Equal(dark ? "dark" : "light", await page.GetAttributeAsync("html", "data-theme"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{path} (dark: {dark})");
    }
}
