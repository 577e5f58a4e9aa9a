using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Web;

/// <summary>
/// Hangfire keeps static state (the current storage) that another in-process host started in parallel can replace under
/// the dashboard: the classes that use the dashboard run alone.
/// </summary>
[CollectionDefinition(nameof(DashboardCollection), DisableParallelization = true)]
public sealed class DashboardCollection;

/// <summary>The web chat, the officer page and the jobs dashboard work in headless Chromium under their Content-Security-Policy, with no violation.</summary>
[Collection(nameof(DashboardCollection))]
public sealed class ContentSecurityPolicyBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDataDir _dir = new();
    private readonly List<string> _violations = [];
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

    private async Task LogInAsync(IPage page)
    {
        await page.GotoAsync(_bot.BaseUrl + "/officer/classic");
        await page.Locator("#token").FillAsync(_bot.OfficerToken);
        await page.Locator("#login").ClickAsync();
        await page.GetByText("✅ Đã đăng nhập").WaitForAsync();
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
    public async Task The_officer_page_logs_in_imports_lists_and_logs_out_under_the_policy()
    {
        var page = await PageAsync();
        await LogInAsync(page);

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "hoso.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at\nHS-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-01,2026-11-10,received,\nxx,,,,,,,,,\n"),
        });
        await page.Locator("#import").ClickAsync();
        await page.GetByText("Thêm mới: 1").WaitForAsync();
        await page.GetByText("Dòng 3:").WaitForAsync();

        await page.Locator("#loadQuestions").ClickAsync();
        await page.GetByText("Không có câu hỏi nào đang chờ.").WaitForAsync();
        await page.Locator("#sessionDate").FillAsync("2026-12-15");
        await page.Locator("#sessionTitle").FillAsync("Chủ tịch UBND xã tiếp công dân");
        await page.Locator("#addSession").ClickAsync();
        await page.GetByText("✅ Đã thêm").WaitForAsync();

        await page.Locator("#logout").ClickAsync();
        await page.GetByText("Đã đăng xuất.").WaitForAsync();
        await page.Locator("#loadQuestions").ClickAsync();
        await page.GetByText("Cần đăng nhập.").WaitForAsync();
        AssertNoViolation();
    }

    [Fact]
    public async Task The_jobs_dashboard_shows_and_triggers_a_job_with_its_antiforgery_token_under_its_policy()
    {
        var page = await PageAsync();
        await LogInAsync(page);

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
