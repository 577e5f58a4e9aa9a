using CitizenBot.Core.Roles;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Web;

/// <summary>
/// Hangfire keeps static state (the current storage) that another in-process host started in parallel can replace under
/// the dashboard: the classes that use the dashboard run alone.
/// </summary>
[CollectionDefinition(nameof(DashboardCollection), DisableParallelization = true)]
public sealed class DashboardCollection;

/// <summary>The web chat, the officer console and the jobs dashboard work in headless Chromium under their Content-Security-Policy, with no violation.</summary>
[Collection(nameof(DashboardCollection))]
public sealed class ContentSecurityPolicyBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDataDir _dir = new();
    private readonly List<string> _violations = [];
    private static int s_accounts;
    private RunningBot _bot = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _bot = await RunningBot.StartAsync(_dir.Path, telegram: null, seedDemo: true);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<IPage> PageAsync()
    {
        var page = await _browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                lock (_violations)
                {
                    _violations.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_violations)
            {
                _violations.Add("page error: " + error);
            }
        };
        return page;
    }

    private void AssertNoViolation()
    {
        lock (_violations)
        {
            Assert.True(_violations.Count == 0, string.Join('\n', _violations));
        }
    }

    /// <summary>Logs in on the console's login page with a new personal account of the role, and changes its first password, as a person does.</summary>
    private async Task LogInAsync(IPage page, UserRole role)
    {
        var login = $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref s_accounts)}";
        var created = _bot.Get<OfficerAccounts>().Create(login, "Trần Thị Lãnh", role, "test:setup");
        Assert.True(created.Ok, created.Error);
        await ConsoleBrowser.LogInAsync(page, _bot, login, created.FirstPassword!);
        await ConsoleBrowser.ChangeFirstPasswordAsync(page, created.FirstPassword!, ConsoleBrowser.OwnPassword);
    }

    /// <summary>Opens a console page and waits for its heading; the page must be itself, not the login or denied page.</summary>
    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(_bot.BaseUrl + path);
        await page.Locator("main h1, h1").First.WaitForAsync();
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task The_web_chat_page_runs_its_script_and_style_under_the_policy()
    {
        var page = await PageAsync();
        await page.GotoAsync(_bot.BaseUrl);

        await page.GetByText("Kính chào ông/bà").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "🔎 Tra cứu hồ sơ" }).ClickAsync();
        await page.GetByText("Mời ông/bà nhập mã hồ sơ").WaitForAsync();
        Assert.Equal("rgb(11, 94, 215)", await page.Locator("header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        AssertNoViolation();
    }

    [Fact]
    public async Task An_officer_logs_in_through_the_console_opens_its_pages_previews_an_import_and_logs_out_under_the_policy()
    {
        var page = await PageAsync();
        await LogInAsync(page, UserRole.Leader);

        await OpenAsync(page, "/officer");
        await OpenAsync(page, "/officer/petitions");
        await OpenAsync(page, "/officer/questions");
        await OpenAsync(page, "/officer/reception");
        await OpenAsync(page, "/officer/dossiers");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "hoso.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at\nHS-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-01,2026-11-10,received,\nxx,,,,,,,,,\n"),
        });
        await page.Locator("#previewImport").ClickAsync();
        await page.Locator("#preview").GetByText("Thêm mới: 1").WaitForAsync();
        await page.Locator("#preview").GetByText("Dòng lỗi: 1").WaitForAsync();
        await OpenAsync(page, "/officer/announcements");
        await OpenAsync(page, "/officer/reports");

        await page.Locator("#logout").ClickAsync();
        await page.GetByText("Đã đăng xuất.").WaitForAsync();
        await page.GotoAsync(_bot.BaseUrl + "/officer/questions");
        await ConsoleBrowser.ArrivedAsync(page, url => url.Contains("/officer/login", StringComparison.Ordinal));
        AssertNoViolation();
    }

    [Fact]
    public async Task The_jobs_dashboard_shows_and_triggers_a_job_with_its_antiforgery_token_under_its_policy()
    {
        var page = await PageAsync();
        await LogInAsync(page, UserRole.Admin);

        await page.GotoAsync(_bot.BaseUrl + "/hangfire");
        await page.GetByText("Realtime Graph").Or(page.GetByText("Realtime")).First.WaitForAsync();
        await page.GotoAsync(_bot.BaseUrl + "/hangfire/recurring");
        await page.Locator("input.js-jobs-list-checkbox[value='litedb-checkpoint']").CheckAsync();
        var trigger = await page.RunAndWaitForResponseAsync(
            () => page.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync(),
            r => r.Url.EndsWith("/recurring/trigger", StringComparison.Ordinal));

        Assert.Equal(204, trigger.Status);
        AssertNoViolation();
    }
}
