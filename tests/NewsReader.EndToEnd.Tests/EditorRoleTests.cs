using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Data.Accounts;

namespace NewsReader.EndToEnd.Tests;

/// <summary>An Editor makes readers Editors on the Readers page and takes the role back; the reader has the new
/// rights at their next request, still signed in; the last Editor keeps the role.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class EditorRoleTests(NewsReaderApp app) : IAsyncLifetime
{
    // Only Editors may delete articles: for an article that is not there, an Editor gets 404 and a reader 403.
    private static readonly Uri NoSuchArticle = new("/api/articles/987654", UriKind.Relative);

    public Task InitializeAsync() => OnlyTheFixturesEditorAsync();

    public Task DisposeAsync() => OnlyTheFixturesEditorAsync();

    [Fact]
    public async Task An_Editor_makes_a_reader_an_Editor_and_takes_the_role_back()
    {
        const string email = "columnist@newsreader.test";
        using var reader = await app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync(NoSuchArticle)).StatusCode);
        var page = await OpenReadersPageAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Reader", Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Make Editor" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("columnist is now an Editor.");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Editor", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.DeleteAsync(NoSuchArticle)).StatusCode);

        await row.GetByRole(AriaRole.Button, new() { Name = "Remove Editor" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("columnist is no longer an Editor.");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Reader", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync(NoSuchArticle)).StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_last_Editor_keeps_the_role()
    {
        var page = await OpenReadersPageAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = NewsReaderApp.EditorEmail });

        await row.GetByRole(AriaRole.Button, new() { Name = "Remove Editor" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("editor is the only Editor. Make another reader an Editor first: NewsReader always needs one.");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Editor", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.DeleteAsync(NoSuchArticle)).StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_Editor_whose_role_is_taken_back_loses_it_in_a_tab_already_open()
    {
        const string email = "demoted@newsreader.test";
        using (await app.SignedInClientAsync(email))
        {
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ReaderAccount>>();
        var account = (await users.FindByEmailAsync(email))!;
        await users.AddToRoleAsync(account, ReaderRoles.Editor);
        var page = await app.OpenAsync("/articles/new", new() { StorageState = await app.SignInStateAsync(email) });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add articles", Level = 1 })).ToBeVisibleAsync();

        await users.RemoveFromRoleAsync(account, ReaderRoles.Editor);

        // The open circuit checks the account again (every second in the tests): the page is no longer offered.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add articles", Level = 1 })).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add articles" })).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The Readers page is served without a circuit, so it is ready as soon as it has loaded.</summary>
    private async Task<IPage> OpenReadersPageAsync()
    {
        var context = await app.Browser.NewContextAsync(new() { StorageState = await app.EditorStateAsync() });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/readers").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Readers" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A test that fails half-way must not leave a second Editor behind for the next one.</summary>
    private async Task OnlyTheFixturesEditorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ReaderAccount>>();
        foreach (var editor in await users.GetUsersInRoleAsync(ReaderRoles.Editor))
        {
            if (!string.Equals(editor.Email, NewsReaderApp.EditorEmail, StringComparison.OrdinalIgnoreCase))
            {
                await users.RemoveFromRoleAsync(editor, ReaderRoles.Editor);
            }
        }
    }
}
