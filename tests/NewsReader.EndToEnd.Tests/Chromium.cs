using Microsoft.Playwright;

namespace NewsReader.EndToEnd.Tests;

/// <summary>Debian's headless Chromium, never a downloaded browser.</summary>
public static class Chromium
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // A CI machine as busy as this one (two cores, an app, a database and browsers at once) can take longer than
        // Playwright's 5 s to show what a step brings; a check that fails still fails, later.
        Assertions.SetDefaultExpectTimeout(15_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Arguments });
    }
}
