using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Web;

/// <summary>The web chat page in headless Chromium (Debian's /usr/bin/chromium), against the real host.</summary>
public sealed class WebChatBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDataDir _dir = new();
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

    [Fact]
    public async Task A_citizen_looks_up_a_dossier_with_buttons_on_a_phone_sized_screen()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(_bot.BaseUrl);

        await page.GetByText("Kính chào ông/bà").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "🔎 Tra cứu hồ sơ" }).ClickAsync();
        await page.GetByText("Mời ông/bà nhập mã hồ sơ").WaitForAsync();
        await page.GetByLabel("Tin nhắn").FillAsync("hs-demo-0001");
        // On a computer Enter sends.
        await page.GetByLabel("Tin nhắn").PressAsync("Enter");

        await page.GetByText("📄 Hồ sơ HS-DEMO-0001").WaitForAsync();
        // The greeting's buttons are spent, except main-menu buttons ("menu:…"), which work from any message.
        Assert.Equal(0, await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.entry')][0].querySelectorAll('.buttons button:not(:disabled):not([data-payload^="menu:"])').length
            """));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "citizenbot-webchat.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "🔎 Tra cứu mã khác" }).ClickAsync();
        await page.GetByLabel("Tin nhắn").FillAsync("khong co ma");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();
        await page.GetByText("Mã hồ sơ chưa đúng dạng").WaitForAsync();
    }

    [Fact]
    public async Task A_citizen_books_a_reception_slot_and_can_download_the_calendar_file()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(_bot.BaseUrl);
        await page.GetByText("Kính chào ông/bà").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "📅 Đặt lịch tiếp công dân" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thứ Năm, 10/12/2026 · còn 13 chỗ" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "08:30–09:00" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Chế độ, chính sách xã hội" }).ClickAsync();
        await WebChatSteps.SayAsync(page, "Hỏi về chế độ người cao tuổi", "họ và tên");
        await WebChatSteps.SayAsync(page, "Trần Thị Bình", "số điện thoại để cán bộ liên hệ");
        await WebChatSteps.SayAsync(page, "0987 654 321", "kiểm tra lại thông tin đặt lịch");
        await page.GetByRole(AriaRole.Button, new() { Name = "✅ Có" }).ClickAsync();

        await page.GetByText("Đã đặt lịch thành công").WaitForAsync();
        await page.GetByText("từ 08:30 đến 09:00").WaitForAsync();
        var link = page.Locator("a.file");
        await link.WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("DTSTART:20261210T013000Z", ics, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "citizenbot-booking.png"), FullPage = true });
    }

    [Fact]
    public async Task A_reload_keeps_the_conversation()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_bot.BaseUrl);
        await page.GetByText("Kính chào ông/bà").WaitForAsync();

        await page.ReloadAsync();

        await page.GetByText("Kính chào ông/bà").WaitForAsync();
        Assert.Equal(1, await page.GetByText("Kính chào ông/bà").CountAsync());
    }
}
