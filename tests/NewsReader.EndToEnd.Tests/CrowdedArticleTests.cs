using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Data;
using NewsReader.Data.Articles;
using NewsReader.Web.Components.Annotations;

namespace NewsReader.EndToEnd.Tests;

/// <summary>An article that a thousand shared annotations crowd, a hundred of them over the whole text: its page still
/// starts small, its circuit starts, and the panel lists every one with the first words of its passage.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class CrowdedArticleTests(NewsReaderApp app) : IAsyncLifetime
{
    private const int Annotations = 1000;
    private const int WholeText = 100;
    private int article;
    private int large;

    public async Task InitializeAsync()
    {
        var body = W3CAnnotations.SeedBody + "\n\nنسخة للاختبار.";
        article = (await app.Services.GetRequiredService<ArticleImporter>().ImportAsync(
            new ArticleDraft("crowded-article", "مقال مزدحم بالتعليقات", body, "ar", "AFP", null, DateTimeOffset.UtcNow))).ArticleId;
        var crowd = Enumerable.Range(0, Annotations).Select(i =>
        {
            var (start, end) = i < WholeText ? (0, body.Length) : (i % 500, (i % 500) + 12);
            return new Annotation
            {
                Id = Guid.CreateVersion7(),
                ArticleId = article,
                OwnerId = $"crowd-{i % 50}",
                Start = start,
                End = end,
                Exact = body[start..end],
                Prefix = "",
                Suffix = body[end..Math.Min(body.Length, end + 32)],
                Comment = $"تعليق رقم {i}",
                Shared = true,
                Version = 1,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
        });
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NewsReaderDbContext>>().CreateDbContextAsync();
        db.Annotations.AddRange(crowd);
        await db.SaveChangesAsync();

        // The largest article there may be: a megabyte of text, which does not fit in what a page carries to its circuit.
        var paragraphs = new StringBuilder();
        for (var i = 0; Encoding.UTF8.GetByteCount(paragraphs.ToString()) + Encoding.UTF8.GetByteCount(W3CAnnotations.SeedBody) < ArticleDraft.MaxBodyBytes - 64; i++)
        {
            paragraphs.Append(W3CAnnotations.SeedBody).Append("\n\nالفقرة ").Append(i).Append("\n\n");
        }

        large = (await app.Services.GetRequiredService<ArticleImporter>().ImportAsync(
            new ArticleDraft("largest-article", "أطول مقال", paragraphs.Append("نهاية المقال.").ToString(), "ar", "AFP", null, DateTimeOffset.UtcNow))).ArticleId;
    }

    public async Task DisposeAsync()
    {
        (await app.Http.DeleteAsync(new Uri($"/api/articles/{article}", UriKind.Relative))).Dispose();
        (await app.Http.DeleteAsync(new Uri($"/api/articles/{large}", UriKind.Relative))).Dispose();
    }

    [Fact]
    public async Task The_largest_article_too_large_to_carry_into_its_circuit_opens_and_answers()
    {
        var page = await app.OpenAnonymousAsync($"/articles/{large}");

        await Assertions.Expect(page.GetByText("نهاية المقال.")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.Locator("mark.mention").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).Or(page.Locator(".mention-card"))).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_stays_small_its_circuit_starts_and_every_annotation_is_listed_by_its_first_words()
    {
        var html = await app.Anonymous.GetStringAsync(new Uri($"/articles/{article}", UriKind.Relative));
        Assert.InRange(Encoding.UTF8.GetByteCount(html), 1, 200 * 1024);

        var page = await app.OpenAnonymousAsync($"/articles/{article}");
        var items = page.Locator(".annotation-item");
        await Assertions.Expect(items).ToHaveCountAsync(50, new() { Timeout = 30_000 });
        var more = page.GetByRole(AriaRole.Button, new() { Name = "Show 50 more of 950" });
        await more.ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(100);
        var longest = await page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('.annotation-item .quote')].map(q => q.textContent.length))");
        Assert.InRange(longest, 200, PanelQuotes.MaxLength);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        // The circuit answers: a mention's card opens from the text.
        await page.Locator("mark.mention").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).Or(page.Locator(".mention-card"))).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
