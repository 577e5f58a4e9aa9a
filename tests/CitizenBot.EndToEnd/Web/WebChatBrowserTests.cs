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
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();

        await page.GetByText("📄 Hồ sơ HS-DEMO-0001").WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "🔎 Tra cứu hồ sơ" }).First.IsDisabledAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "citizenbot-webchat.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "🔎 Tra cứu mã khác" }).ClickAsync();
        await page.GetByLabel("Tin nhắn").FillAsync("khong co ma");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await page.GetByText("Mã hồ sơ chưa đúng dạng").WaitForAsync();
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
