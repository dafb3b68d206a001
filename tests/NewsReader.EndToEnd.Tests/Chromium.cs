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

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Arguments });
}
