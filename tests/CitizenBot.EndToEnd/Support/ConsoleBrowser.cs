using CitizenBot.Core.Roles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// Headless Debian Chromium for the officer console's browser tests: one browser per test class, a fresh context (its own
/// cookies) per person. <see cref="OfficerAsync"/> opens a page logged in with a personal account; screenshots go to the temp folder.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public static readonly ViewportSize Desk = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>How long one browser step may wait (CI runs both suites and Chromium on two cores).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

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

        // CI runs both suites, several hosts and Chromium on two cores: a step may wait longer than Playwright's 30 s.
        context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>The password every test account changes its first password to.</summary>
    public const string OwnPassword = "hoa sen nở tháng năm";

    private static int s_accounts;

    /// <summary>
    /// A page logged in to the console as an officer of the given role, the way a person does it: an admin makes a personal
    /// account (through the accounts service), the person logs in on the login page with the first password and changes it.
    /// </summary>
    public async Task<IPage> OfficerAsync(RunningBot bot, ViewportSize? size = null, UserRole role = UserRole.Admin) =>
        (await PersonAsync(bot, size, role)).Page;

    /// <summary>As <see cref="OfficerAsync"/>, with the account's login name (for tests about the account itself).</summary>
    public async Task<(IPage Page, string Login)> PersonAsync(RunningBot bot, ViewportSize? size = null, UserRole role = UserRole.Admin, string? displayName = null)
    {
        var login = $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref s_accounts)}";
        var created = bot.App.Services.GetRequiredService<OfficerAccounts>().Create(login, displayName ?? DisplayNameOf(role), role, "test:setup");
        Assert.True(created.Ok, created.Error);
        var page = await AnonymousAsync(size);
        await LogInAsync(page, bot, login, created.FirstPassword!);
        await ChangeFirstPasswordAsync(page, created.FirstPassword!, OwnPassword);
        return (page, login);
    }

    /// <summary>Types a name and a password on the login page, as a person does.</summary>
    public static async Task LogInAsync(IPage page, RunningBot bot, string login, string password)
    {
        await page.GotoAsync(bot.BaseUrl + "/officer/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(login);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.Locator("#loginPassword").ClickAsync();
    }

    /// <summary>On the change-password page the first login leads to: the first password, then a new one twice.</summary>
    public static async Task ChangeFirstPasswordAsync(IPage page, string firstPassword, string newPassword)
    {
        await ArrivedAsync(page, url => url.Contains("/officer/account/password", StringComparison.Ordinal));
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(firstPassword);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync(newPassword);
        await page.Locator("#savePassword").ClickAsync();
        await ArrivedAsync(page, url => !url.Contains("/officer/account/password", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits until the page is at an address the predicate accepts and its document is parsed. Playwright's
    /// <c>WaitForURLAsync</c> waits for a load state when the address already matches (<c>WaitForLoadStateAsync</c>,
    /// "load" by default). In CI on two loaded cores Chromium's "load" once never reached Playwright although the page was
    /// there and the network idle ("networkidle" fired, "load" did not, 60 s); asking it for <c>WaitUntil = Commit</c>
    /// did not avoid that: the same timeout with the same log came back once in a local run. So the address Playwright
    /// records at each commit (<c>page.Url</c>) is checked, then the document's own readyState, polled.
    /// </summary>
    public static async Task ArrivedAsync(IPage page, Func<string, bool> url)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (!url(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for {StepTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }

        await page.WaitForFunctionAsync("document.readyState !== 'loading'", null, new() { PollingInterval = 100 });
    }

    private static string DisplayNameOf(UserRole role) => role switch
    {
        UserRole.Admin => "Nguyễn Văn Quản",
        UserRole.Leader => "Trần Thị Lãnh",
        _ => "Lê Văn Bộ",
    };

    /// <summary>Saves a full-page screenshot as citizenbot-{name}.png in the temp folder, for a person to look at.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"citizenbot-{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
