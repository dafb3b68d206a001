using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Entities;
using NewsReader.Data.Importing;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class LargeCorpusGroup : ICollectionFixture<NewsReaderApp>
{
    public const string Name = "NewsReader app with thousands of articles";
}

/// <summary>The front page with thousands of articles: it sends one page, not the corpus, and stays interactive.</summary>
[Collection(LargeCorpusGroup.Name)]
public sealed class FrontPageAtScaleTests(NewsReaderApp app) : IAsyncLifetime
{
    private const int Articles = 3000;

    public async Task InitializeAsync()
    {
        IReadOnlyList<GazetteerEntry> gazetteer;
        await using (var file = File.OpenRead(Path.Combine(RepositoryFiles.SeedsFolder, "entities.json")))
        {
            gazetteer = await Gazetteer.ReadAsync(file);
        }

        var sources = new ArticleCorpus(gazetteer, seed: 3).Articles(Articles).Select(d => new PendingSource(
            d.SourceKey + ".txt",
            _ => Task.FromResult(new ImportSource(
                d.SourceKey + ".txt", Encoding.UTF8.GetBytes(d.Body), new Core.Importing.ArticleMetadata(d.Title, d.Source, Language: d.Language, PublishedAt: d.PublishedAt)))));
        var imported = 0;
        await foreach (var result in app.Services.GetRequiredService<ArticleBatchImporter>().ImportAllAsync(sources))
        {
            imported += result.Status == ImportStatus.Imported ? 1 : 0;
        }

        Assert.Equal(Articles, imported);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_front_page_sends_one_small_page_and_its_pages_are_links()
    {
        var html = await app.Anonymous.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.InRange(Encoding.UTF8.GetByteCount(html), 1, 150 * 1024);
        Assert.Equal(30, html.Split("class=\"article-card").Length - 1);

        var page = await app.OpenAsync("/");
        var firstTitle = await page.Locator(".article-card h2").First.TextContentAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Older articles" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("before="));
        await Assertions.Expect(page.Locator(".article-card h2").First).Not.ToHaveTextAsync(firstTitle!);
        var secondUrl = page.Url;
        var secondTitle = await page.Locator(".article-card h2").First.TextContentAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".article-card h2").First).ToHaveTextAsync(firstTitle!);

        // The address of page two is a page of its own, for a bookmark or a colleague.
        var shared = await app.OpenAsync(new Uri(secondUrl).PathAndQuery);
        await Assertions.Expect(shared.Locator(".article-card h2").First).ToHaveTextAsync(secondTitle!);
        await Assertions.Expect(shared.Locator(".article-card")).ToHaveCountAsync(30);
        await shared.ScreenshotAsync(new() { Path = Path.Combine(NewsReaderApp.ScreenshotFolder, "front-page.png") });
    }
}
