using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// Headless Debian Chromium for the officer console's browser tests: one browser per test class, a fresh context (its own
/// cookies) per person. <see cref="OfficerAsync"/> opens a page already logged in; screenshots go to the temp folder.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public static readonly ViewportSize Desk = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A page with no login (a citizen, or an officer before logging in).</summary>
    public async Task<IPage> AnonymousAsync(ViewportSize? size = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = size ?? Desk, Locale = "vi-VN" });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page logged in to the console as an officer of the given role. Until personal accounts exist this uses the shared
    /// officer token in a header (an admin); it is the one place to change when they do.
    /// </summary>
    public async Task<IPage> OfficerAsync(RunningBot bot, ViewportSize? size = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = size ?? Desk,
            Locale = "vi-VN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Officer-Token"] = bot.OfficerToken },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as citizenbot-{name}.png in the temp folder, for a person to look at.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"citizenbot-{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
