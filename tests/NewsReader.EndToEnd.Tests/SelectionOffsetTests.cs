using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests;

/// <summary>The page's script turns a DOM selection into offsets of the stored body. Selections are made here
/// by script, as a touch screen makes them (no mouse up), and read back from the saved annotation's quote.</summary>
[Collection(NewsReaderAppGroup.Name)]
public sealed class SelectionOffsetTests(NewsReaderApp app) : IAsyncLifetime
{
    private static readonly string Body = File.ReadAllText(Path.Combine(RepositoryFiles.SeedsFolder, RepositoryFiles.SeedKey + ".txt"));
    private int articleId;

    public async Task InitializeAsync()
    {
        articleId = await app.SeedArticleIdAsync();
        await app.ClearAnnotationsAsync(articleId);
    }

    public async Task DisposeAsync() => await app.ClearAnnotationsAsync(articleId);

    /// <summary>Selects from <paramref name="startAt"/> characters into the text node holding <paramref name="from"/>
    /// to <paramref name="endAt"/> characters into the one holding <paramref name="to"/>, highlights, and returns the quote saved.</summary>
    private async Task<string> HighlightSelectionAsync(string from, int startAt, string to, int endAt)
    {
        var page = await app.OpenSeedReaderAsync();
        await page.EvaluateAsync(
            """
            ([from, startAt, to, endAt]) => {
                const find = (phrase) => {
                    const walker = document.createTreeWalker(document.querySelector('[data-testid=article-body]'), NodeFilter.SHOW_TEXT);
                    for (let node; (node = walker.nextNode());) {
                        const at = node.textContent.indexOf(phrase);
                        if (at >= 0) return [node, at];
                    }
                    throw new Error('not in one text node: ' + phrase);
                };
                const [startNode, startIndex] = find(from), [endNode, endIndex] = find(to);
                startNode.parentElement.scrollIntoView({ block: 'center' });
                getSelection().setBaseAndExtent(startNode, startIndex + startAt, endNode, endIndex + endAt);
            }
            """,
            new object[] { from, startAt, to, endAt });
        await page.GetByRole(AriaRole.Button, new() { Name = "Highlight", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("li.annotation-item")).ToHaveCountAsync(1);
        var list = JsonNode.Parse(await app.Http.GetStringAsync(new Uri($"/api/articles/{articleId}/annotations", UriKind.Relative)))!;
        await page.Context.CloseAsync();
        var selectors = list["first"]!["items"]![0]!["target"]!["selector"]!.AsArray();
        var (start, end) = (selectors[0]!["start"]!.GetValue<int>(), selectors[0]!["end"]!.GetValue<int>());
        var exact = selectors[1]!["exact"]!.GetValue<string>();
        Assert.Equal(Body[start..end], exact);
        return exact;
    }

    private static string Between(string first, string last)
    {
        var start = Body.IndexOf(first, StringComparison.Ordinal);
        return Body[start..(Body.IndexOf(last, start, StringComparison.Ordinal) + last.Length)];
    }

    [Fact]
    public async Task A_selection_across_entity_marks_maps_to_the_stored_text()
    {
        var exact = await HighlightSelectionAsync("أعلن وزير", 0, "أمس ان اجتماعا", "أمس ان اجتماعا".Length);

        Assert.Equal(Between("أعلن وزير", "أمس ان اجتماعا"), exact);
        Assert.Contains("جان مارك ايرولت", exact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_selection_across_a_paragraph_break_keeps_the_text_between_paragraphs()
    {
        var exact = await HighlightSelectionAsync("وترفض منطق", 0, "وأضاف «آن الاوان", "وأضاف «آن الاوان".Length);

        Assert.Equal("وترفض منطق الحرب الشاملة». وأضاف «آن الاوان", exact);
    }

    [Fact]
    public async Task Surrounding_white_space_is_trimmed()
    {
        const string phrase = " ليستيقظ المجتمع ";
        var exact = await HighlightSelectionAsync(phrase, 0, phrase, phrase.Length);

        Assert.Equal("ليستيقظ المجتمع", exact);
    }

    [Fact]
    public async Task A_letter_is_never_cut_from_its_diacritic()
    {
        // The selection ends between the nun and its fatha: the fatha comes along.
        var exact = await HighlightSelectionAsync("وأضاف أنَ", 0, "وأضاف أنَ", "وأضاف أن".Length);

        Assert.Equal("وأضاف أنَ", exact);
    }
}
