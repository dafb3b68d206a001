using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>axe-core over a page as it stands: the tests' one rule for what must not be there.</summary>
internal static class Accessibility
{
    /// <summary>Fails with each serious or critical violation and the elements it was found on.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")
            .ToList();
        Assert.True(serious.Count == 0, $"{where}:\n{string.Join("\n", serious)}");
    }
}
