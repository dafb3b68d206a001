using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Selects a phrase of the article body with a real mouse drag, as a reader would.</summary>
internal static class MouseSelection
{
    /// <summary>Drags across the first occurrence of <paramref name="phrase"/>. The body is right to left, so
    /// the drag starts just right of the phrase's first letter and ends just left of its last.</summary>
    public static async Task DragAcrossAsync(IPage page, string phrase)
    {
        var edges = await page.EvaluateAsync<double[]>(
            """
            phrase => {
                const paragraph = [...document.querySelectorAll('[data-testid=article-body] p')].find(p => p.textContent.includes(phrase));
                const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
                for (let node; (node = walker.nextNode());) {
                    const at = node.textContent.indexOf(phrase);
                    if (at < 0) continue;
                    node.parentElement.scrollIntoView({ block: 'center' });
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + phrase.length);
                    const rects = range.getClientRects();
                    const first = rects[0], last = rects[rects.length - 1];
                    return [first.right + 2, first.top + first.height / 2, last.left - 2, last.top + last.height / 2];
                }
                throw new Error('phrase not in one text node: ' + phrase);
            }
            """,
            phrase);
        await page.Mouse.MoveAsync((float)edges[0], (float)edges[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)edges[2], (float)edges[3], new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
