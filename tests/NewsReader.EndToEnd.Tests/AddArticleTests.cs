using Microsoft.Playwright;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Adding, correcting and deleting articles in the browser.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class AddArticleTests(NewsReaderApp app) : IAsyncLifetime
{
    public async Task InitializeAsync() => await app.DeleteArticlesButTheSeedAsync();

    public async Task DisposeAsync() => await app.DeleteArticlesButTheSeedAsync();

    [Fact]
    public async Task Two_uploaded_files_are_imported_with_progress_and_found_in_search()
    {
        var page = await app.OpenAsync("/articles/new");

        await page.GetByLabel("Choose files").SetInputFilesAsync(new[]
        {
            Path.Combine(RepositoryFiles.ImportSamples, "evacuation.html"),
            Path.Combine(RepositoryFiles.ImportSamples, "aid-convoy.md"),
        });

        var upload = page.GetByRole(AriaRole.Region, new() { Name = "Upload files" });
        await Assertions.Expect(upload.GetByRole(AriaRole.Status).First).ToHaveTextAsync("2 files read: 2 imported, 0 updated, 0 skipped as duplicates, 0 failed.");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Upload progress" })).ToHaveAttributeAsync("aria-valuenow", "2");
        await Assertions.Expect(upload.GetByRole(AriaRole.Link, new() { Name = "Aid convoy reaches eastern Aleppo" })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/search?q=" + Uri.EscapeDataString("الدفعة الأولى")).ToString());
        await Assertions.Expect(page.Locator(".results h2 a")).ToHaveTextAsync("إجلاء المدنيين من شرق حلب");
        await page.GotoAsync(new Uri(app.BaseAddress, "/search?q=Ramouseh").ToString());
        await Assertions.Expect(page.Locator(".results h2 a")).ToHaveTextAsync("Aid convoy reaches eastern Aleppo");

        // The same files again: nothing new, each reported as already there.
        var again = await app.OpenAsync("/articles/new");
        await again.GetByLabel("Choose files").SetInputFilesAsync(Path.Combine(RepositoryFiles.ImportSamples, "aid-convoy.md"));
        await Assertions.Expect(again.GetByRole(AriaRole.Region, new() { Name = "Upload files" }).GetByRole(AriaRole.Status).First)
            .ToHaveTextAsync("1 files read: 0 imported, 0 updated, 1 skipped as duplicates, 0 failed.");
    }

    [Fact]
    public async Task A_broken_upload_is_reported_and_the_good_file_still_imported()
    {
        var page = await app.OpenAsync("/articles/new");

        await page.GetByLabel("Choose files").SetInputFilesAsync(new[]
        {
            Path.Combine(RepositoryFiles.ImportSamples, "broken", "invalid-utf8.txt"),
            Path.Combine(RepositoryFiles.ImportSamples, "wire.atom"),
        });

        var upload = page.GetByRole(AriaRole.Region, new() { Name = "Upload files" });
        await Assertions.Expect(upload.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid-utf8.txt: not valid UTF-8 text.");
        await Assertions.Expect(upload.GetByRole(AriaRole.Link, new() { Name = "Talks in Astana planned" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_pasted_article_is_stored_corrected_and_deleted()
    {
        var page = await app.OpenAsync("/articles/new");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Paste an article" });
        await form.GetByLabel("Text", new() { Exact = true }).FillAsync("قالت مصادر في دمشق إن محادثات جديدة ستعقد في جنيف الأسبوع المقبل.\n\nوأضافت المصادر أن الوفد سيغادر يوم الأحد.");
        await form.GetByLabel("Source").FillAsync("مراسلنا");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add article" }).ClickAsync();

        var added = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added" });
        await Assertions.Expect(added).ToContainTextAsync("قالت مصادر في دمشق");
        await added.GetByRole(AriaRole.Link).ClickAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=article-body] p")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("mark.mention[data-entity=damascus]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByLabel("Title")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var otherTab = await app.OpenAsync(new Uri(page.Url).PathAndQuery);
        await Assertions.Expect(otherTab.GetByLabel("Title")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.BringToFrontAsync();
        await page.GetByLabel("Title").FillAsync("محادثات جديدة في جنيف");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();

        // A second tab opened before that save cannot overwrite it: its edit is refused and kept in the form.
        await otherTab.BringToFrontAsync();
        await otherTab.GetByLabel("Title").FillAsync("عنوان من نافذة قديمة");
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(otherTab.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed this article since you opened it");
        await Assertions.Expect(otherTab.GetByLabel("Title")).ToHaveValueAsync("عنوان من نافذة قديمة");
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Load the newer version" }).ClickAsync();
        await Assertions.Expect(otherTab.GetByLabel("Title")).ToHaveValueAsync("محادثات جديدة في جنيف");
        await otherTab.Context.CloseAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete article…" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("محادثات جديدة في جنيف");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString(), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "محادثات جديدة في جنيف" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_empty_paste_is_refused_with_a_clear_message()
    {
        var page = await app.OpenAsync("/articles/new");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Paste an article" });
        await form.GetByLabel("Text", new() { Exact = true }).FillAsync("   ");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add article" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The text is empty. Paste the article's text.");
    }

    [Fact]
    public async Task Deleting_an_unknown_article_through_the_API_is_404()
    {
        using var unknown = await app.Http.DeleteAsync(new Uri("/api/articles/999999", UriKind.Relative));
        using var malformed = await app.Http.DeleteAsync(new Uri("/api/articles/abc", UriKind.Relative));

        Assert.Equal((System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.NotFound), (unknown.StatusCode, malformed.StatusCode));
    }
}
