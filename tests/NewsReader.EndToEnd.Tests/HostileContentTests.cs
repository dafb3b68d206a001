using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Data.Articles;
using NewsReader.Data.Entities;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Every vector of tests/samples/hostile/vectors.txt, placed in comments, tags, article titles, bodies,
/// source names and entity names, renders as inert text in Chromium: no dialog, no script, no injected
/// element, no request elsewhere.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class HostileContentTests(NewsReaderApp app) : IAsyncLifetime
{
    private const string Dangerous =
        "main script, main style, main link, main meta, main base, main iframe, main object, main embed, main img[src='x'], "
        + "main [onerror], main [onload], main [onclick], main [onfocus], main [ontoggle], main [onpointerover], main [onmouseover], "
        + "main a[href^='javascript' i], main a[href^='data' i], main a[href^='vbscript' i], main form[action]";

    private static readonly string[] Vectors = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "tests", "samples", "hostile", "vectors.txt"))
        .Where(v => v.Length > 0).ToArray();

    private static readonly string[] Marker = ["كلمةفريدةأولى", "كلمةفريدةثانية", "كلمةفريدةثالثة"];

    public async Task InitializeAsync()
    {
        await app.ClearAnnotationsAsync(await app.SeedArticleIdAsync());
        await app.DeleteArticlesButTheSeedAsync();
    }

    public async Task DisposeAsync() => await app.DeleteArticlesButTheSeedAsync();

    private static string Cut(string text, int length) => (text.Length <= length ? text : text[..length]).Trim();

    [Fact]
    public void The_corpus_has_at_least_forty_vectors() => Assert.True(Vectors.Length >= 40, $"{Vectors.Length} vectors");

    [Fact]
    public async Task Every_vector_renders_as_inert_text_wherever_a_reader_or_an_import_can_put_it()
    {
        // Articles whose titles, sources and bodies are the vectors, stored through the app's own importer.
        var importer = app.Services.GetRequiredService<ArticleImporter>();
        var ids = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var body = string.Join(' ', Marker) + $" {i}.\n\n" + string.Join("\n\n", Vectors);
            var draft = new ArticleDraft($"hostile-{i}", Cut(Vectors[i * 5 % Vectors.Length], ArticleDraft.MaxTitleLength), body, "ar",
                Cut(Vectors[(i * 5 + 1) % Vectors.Length], ArticleDraft.MaxSourceLength), Cut(Vectors[(i * 5 + 2) % Vectors.Length], 200),
                new DateTimeOffset(2016, 12, 20 + i, 0, 0, 0, TimeSpan.Zero));
            ids.Add((await importer.ImportAsync(draft)).ArticleId);
        }

        // Entities whose names are vectors, spelled as words only these articles have.
        var tagging = app.Services.GetRequiredService<ReaderTagging>();
        var entityKeys = new List<string>();
        for (var i = 0; i < Marker.Length; i++)
        {
            var (key, problem) = await tagging.CreateEntityAsync(Cut(Vectors[i + 1], ReaderTagging.MaxNameLength), EntityType.Person, Marker[i]);
            Assert.Null(problem);
            entityKeys.Add(key!);
        }

        // A comment and a tag per vector, through the W3C API.
        var article = ids[0];
        var text = JsonNode.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{article}", UriKind.Relative)))!["body"]!.GetValue<string>();
        for (var i = 0; i < Vectors.Length; i++)
        {
            var annotation = W3CAnnotations.Of(Vectors[i], Vectors[i], [Cut(Vectors[i], 50)], body: text);
            using var created = await app.Http.PostAnnotationAsync(article, annotation.ToJsonString());
            Assert.True(created.IsSuccessStatusCode, $"vector {i + 1}: {await created.Content.ReadAsStringAsync()}");
        }

        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, StorageState = await app.EditorStateAsync() });
        await context.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));");
        var dialogs = new List<string>();
        var elsewhere = new List<string>();
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        // Each page's violations are kept before the next navigation wipes its window.
        var violations = new List<string>();
        var current = "";
        async Task KeepViolationsAsync()
        {
            if (current.Length > 0)
            {
                violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__violations")).Select(v => $"{current}: {v}"));
            }
        }

        async Task VisitAsync(string path)
        {
            await KeepViolationsAsync();
            current = path;
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await NewsReaderApp.WaitUntilInteractiveAsync(page);
            await page.Mouse.MoveAsync(640, 450);
            await page.WaitForTimeoutAsync(200);
            Assert.Equal(0, await page.Locator(Dangerous).CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), $"a vector ran on {path}");
        }

        await VisitAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Vectors[0] })).ToBeVisibleAsync();
        foreach (var id in ids)
        {
            await VisitAsync($"/articles/{id}");
        }

        await VisitAsync($"/articles/{article}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Cut(Vectors[0], ArticleDraft.MaxTitleLength));
        await Assertions.Expect(page.Locator("li.annotation-item")).ToHaveCountAsync(Vectors.Length);
        await Assertions.Expect(page.Locator("li.annotation-item .comment").First).ToContainTextAsync("<script>window.__pwned=1</script>");
        await NewsReaderApp.WaitUntilReaderFollowsAsync(page);
        await page.Locator($"mark.mention[data-entity='{entityKeys[0]}']").First.HoverAsync();
        await Assertions.Expect(page.Locator(".name").First).ToHaveTextAsync(Cut(Vectors[1], ReaderTagging.MaxNameLength));
        Assert.Equal(0, await page.Locator(Dangerous).CountAsync());
        await page.Locator("li.annotation-item").Nth(Vectors.Length - 1).ScrollIntoViewIfNeededAsync();

        foreach (var key in entityKeys)
        {
            await VisitAsync($"/entities/{Uri.EscapeDataString(key)}");
        }

        await VisitAsync("/search?q=pwned");
        await VisitAsync("/search?q=pwned&in=annotations");
        await VisitAsync($"/search?entity={Uri.EscapeDataString(entityKeys[0])}");
        await VisitAsync($"/articles/{article}/edit");
        await page.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "hostile-content.png") });

        Assert.Empty(dialogs);
        Assert.Empty(elsewhere);
        await KeepViolationsAsync();
        Assert.Empty(violations);
        await context.CloseAsync();
    }
}
