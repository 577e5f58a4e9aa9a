using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>The console's frame: the way in, the menu by role, the way out.</summary>
public sealed class ConsoleSkeletonTests() : ConsoleTestHost(seedDemo: true)
{
    [Fact]
    public async Task A_stranger_is_sent_to_the_login_page_and_back_to_the_page_asked_for_after()
    {
        var page = await Browser.AnonymousAsync();
        await page.GotoAsync(Bot.BaseUrl + "/officer?tab=1");

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
        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Việc cần làm" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kiến nghị", Exact = true }).WaitForAsync();
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
