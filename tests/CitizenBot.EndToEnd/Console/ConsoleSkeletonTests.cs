using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>The console's frame: the way in, the menu by role, the way out.</summary>
public sealed class ConsoleSkeletonTests : IAsyncLifetime
{
    private readonly TempDataDir _dir = new();
    private RunningBot _bot = null!;
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _bot = await RunningBot.StartAsync(_dir.Path, telegram: null, seedDemo: true);
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_stranger_is_sent_to_the_login_page_and_back_to_the_page_asked_for_after()
    {
        var page = await _browser.AnonymousAsync();
        await page.GotoAsync(_bot.BaseUrl + "/officer?tab=1");

        Assert.Contains("/officer/login?returnUrl=%2Fofficer%3Ftab%3D1", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập trang cán bộ" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#logout").CountAsync());

        await page.GetByLabel("Mã đăng nhập").FillAsync("AAAA-BBBB");
        await page.Locator("#loginCode").ClickAsync();
        await page.GetByText("Mã không đúng, đã dùng hoặc đã hết hạn").WaitForAsync();
    }

    [Fact]
    public async Task An_officer_sees_the_menu_and_their_name_in_Vietnamese()
    {
        var page = await _browser.OfficerAsync(_bot);
        await page.GotoAsync(_bot.BaseUrl + "/officer");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Việc cần làm" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kiến nghị", Exact = true }).WaitForAsync();
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
