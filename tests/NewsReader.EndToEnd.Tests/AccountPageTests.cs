using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Accounts in the browser: register, sign in and out, change the password; what anonymous visitors,
/// readers and Editors may do; sharing an annotation with every reader.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class AccountPageTests(NewsReaderApp app) : IAsyncLifetime
{
    private const string Passage = "آن الاوان ليستيقظ المجتمع الدولي";

    public async Task InitializeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());

    [Fact]
    public async Task A_visitor_registers_signs_out_signs_in_and_changes_the_password()
    {
        var page = await app.OpenAnonymousAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("Display name").FillAsync("قارئة");
        await page.GetByLabel("E-mail").FillAsync("reader@newsreader.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message")).ToHaveTextAsync("A password has 8 to 200 characters.");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Reading-2016");
        await page.GetByLabel("Password again").FillAsync("Reading-2016");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "قارئة" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add articles" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync("reader@newsreader.test");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail or the password is wrong.");
        await page.GetByLabel("Password").FillAsync("Reading-2016");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "قارئة" }).ClickAsync();
        await page.GetByLabel("Current password").FillAsync("Reading-2016");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Reading-2017");
        await page.GetByLabel("New password again").FillAsync("Reading-2017");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is changed.");
    }

    [Fact]
    public async Task An_anonymous_visitor_reads_and_sees_shared_annotations_but_is_asked_to_sign_in_to_annotate()
    {
        var articleId = await app.SeedArticleIdAsync();
        var owner = await app.OpenSeedReaderAsync();
        await MouseSelection.DragAcrossAsync(owner, Passage);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Highlight", Exact = true }).ClickAsync();
        var share = owner.GetByRole(AriaRole.Button, new() { NameRegex = new("^Share highlight") });
        await Assertions.Expect(share).ToHaveAttributeAsync("aria-pressed", "false");
        await share.ClickAsync();
        await Assertions.Expect(share).ToHaveAttributeAsync("aria-pressed", "true");

        var visitor = await app.OpenAnonymousAsync($"/articles/{articleId}");
        await NewsReaderApp.WaitUntilReaderFollowsAsync(visitor);
        var shared = visitor.GetByRole(AriaRole.List, new() { Name = "Shared by other readers" });
        await Assertions.Expect(shared.Locator(".quote")).ToHaveTextAsync(Passage);
        await Assertions.Expect(shared.Locator(".author")).ToContainTextAsync("by editor");
        await Assertions.Expect(shared.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);
        await visitor.WaitForFunctionAsync("() => CSS.highlights.get('annotation-yellow')?.size === 1");

        await MouseSelection.DragAcrossAsync(visitor, "ترفض منطق الحرب الشاملة");
        var toolbar = visitor.GetByRole(AriaRole.Toolbar, new() { Name = "Selection" });
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Link, new() { Name = "Sign in to highlight" })).ToBeVisibleAsync();
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);

        // Private again: the visitor no longer sees it.
        await share.ClickAsync();
        await Assertions.Expect(share).ToHaveAttributeAsync("aria-pressed", "false");
        await visitor.ReloadAsync();
        await NewsReaderApp.WaitUntilInteractiveAsync(visitor);
        await Assertions.Expect(visitor.GetByRole(AriaRole.List, new() { Name = "Shared by other readers" })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/articles/new")]
    [InlineData("/account/readers")]
    [InlineData("/entities/aleppo/edit")]
    public async Task Editor_pages_send_visitors_to_sign_in_and_tell_readers_they_are_for_Editors(string path)
    {
        var anonymous = await app.Browser.NewContextAsync();
        var visitor = await anonymous.NewPageAsync();
        await visitor.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        var signIn = "/account/login?returnUrl=" + Uri.EscapeDataString(path);
        await Assertions.Expect(visitor).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(signIn), System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            new() { Timeout = 15_000 });

        const string email = "plain-reader@newsreader.test";
        (await app.SignedInClientAsync(email)).Dispose();
        var reader = await app.Browser.NewContextAsync(new() { StorageState = await app.SignInStateAsync(email) });
        var page = await reader.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "For Editors" })).ToBeVisibleAsync();
        await reader.CloseAsync();
        await anonymous.CloseAsync();
    }
}
