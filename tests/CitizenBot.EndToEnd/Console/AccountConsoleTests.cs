using CitizenBot.Core.Roles;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Cli;
using CitizenBot.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>
/// Personal accounts in the console, as a commune officer without Telegram meets them: an account made by the CLI or by an admin
/// on the users page, the first password changed, a reload, logging out, wrong passwords, a role taken back, doors by role.
/// </summary>
// The per-address limit is raised here so the account's own lockout is what these tests meet.
public sealed class AccountConsoleTests() : ConsoleTestHost(seedDemo: true, settings: new Dictionary<string, string?> { ["Officer:LoginFailuresPerAddress"] = "100" })
{
    private async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        var settings = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDir"] = Dir.Path,
            ["Web:Urls"] = Bot.BaseUrl,
            ["Commune:Name"] = "UBND xã Thử Nghiệm",
            ["Commune:Villages:0"] = "Thôn Một",
        }).Build());
        using var output = new StringWriter();
        var parsed = OfficersCommand.Parse(["officers", .. args], output);
        Assert.NotNull(parsed);
        var code = await OfficersCommand.RunAsync(settings, parsed, output);
        return (code, output.ToString());
    }

    private static string FirstPasswordIn(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, "Mật khẩu lần đầu: (\\S+)").Groups[1].Value;

    private static Task HeadingAsync(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name }).WaitForAsync();

    [Fact]
    public async Task An_account_made_by_the_cli_logs_in_changes_its_first_password_stays_after_a_reload_and_logs_out()
    {
        var (code, output) = await CliAsync("add", "Hoa.Tran", "--role", "canbo", "--display", "Trần Thị Hoa");
        Assert.True(code == 0, output);
        Assert.Contains("Bot đang chạy", output, StringComparison.Ordinal);
        var first = FirstPasswordIn(output);

        var page = await Browser.AnonymousAsync();
        await page.GotoAsync(Bot.BaseUrl + "/officer/account");
        Assert.Contains("/officer/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Tên đăng nhập").FillAsync("hoa.tran");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(first);
        await page.Locator("#loginPassword").ClickAsync();

        // Every console page leads to the change-password page until the first password is changed, and the menu offers only it.
        await HeadingAsync(page, "Đổi mật khẩu");
        Assert.Equal(["Đổi mật khẩu"], await page.Locator("nav.main a").AllInnerTextsAsync());
        await page.Locator("#logout").WaitForAsync();
        await page.GotoAsync(Bot.BaseUrl + "/officer");
        await HeadingAsync(page, "Đổi mật khẩu");
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(first);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("hoa.tran2026");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("hoa.tran2026");
        await page.Locator("#savePassword").ClickAsync();
        await page.GetByText("không được chứa tên đăng nhập").WaitForAsync();
        Assert.Equal("", await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).InputValueAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "console-account-password-desk-error");

        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(first);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("bốn mùa hoa nở");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("bốn mùa hoa nở");
        await page.Locator("#savePassword").ClickAsync();
        // Back to the page first asked for, with the person's name in the header, after a reload too.
        await ConsoleBrowser.ArrivedAsync(page, url => url.EndsWith("/officer/account", StringComparison.Ordinal));
        await page.ReloadAsync();
        await page.Locator("header .who").GetByText("Trần Thị Hoa (cán bộ)").WaitForAsync();
        await HeadingAsync(page, "Tài khoản của ông/bà");
        await page.GetByText("hoa.tran", new() { Exact = true }).WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "console-account-desk");

        await page.Locator("#logout").ClickAsync();
        await page.GetByText("Đã đăng xuất.").WaitForAsync();
        await page.GotoAsync(Bot.BaseUrl + "/officer/account");
        Assert.Contains("/officer/login", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#logout").CountAsync());

        // The new password works; the first one no longer does.
        await ConsoleBrowser.LogInAsync(page, Bot, "hoa.tran", first);
        await page.GetByText("Tên đăng nhập hoặc mật khẩu không đúng").WaitForAsync();
        await ConsoleBrowser.LogInAsync(page, Bot, "hoa.tran", "bốn mùa hoa nở");
        await HeadingAsync(page, "Việc cần làm");

        var (listed, list) = await CliAsync("list");
        Assert.Equal(0, listed);
        Assert.Contains("hoa.tran\tTrần Thị Hoa\tcán bộ", list, StringComparison.Ordinal);
        Assert.Equal(1, (await CliAsync("add", "hoa.tran", "--role", "canbo")).Code);
        Assert.Equal(1, (await CliAsync("reset", "no.such.person")).Code);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_with_a_message_that_does_not_tell_whether_the_name_exists()
    {
        var (page, login) = await Browser.PersonAsync(Bot, role: UserRole.Officer);
        var stranger = await Browser.AnonymousAsync(ConsoleBrowser.Phone);

        await ConsoleBrowser.LogInAsync(stranger, Bot, "no.such.person", "whatever-it-is");
        var unknownText = await stranger.Locator("[data-valmsg-for=Password]").InnerTextAsync();
        for (var i = 0; i < 5; i++)
        {
            await ConsoleBrowser.LogInAsync(stranger, Bot, login, "wrong-password-" + i);
            Assert.Equal(unknownText, await stranger.Locator("[data-valmsg-for=Password]").InnerTextAsync());
        }

        // Locked now: even the right password is refused with the same words.
        await ConsoleBrowser.LogInAsync(stranger, Bot, login, ConsoleBrowser.OwnPassword);
        Assert.Equal(unknownText, await stranger.Locator("[data-valmsg-for=Password]").InnerTextAsync());
        Assert.Contains("tạm khóa 15 phút", unknownText, StringComparison.Ordinal);
        await ConsoleBrowser.ScreenshotAsync(stranger, "console-login-phone");

        var admin = await Browser.OfficerAsync(Bot);
        await admin.GotoAsync(Bot.BaseUrl + "/officer/users");
        var row = admin.Locator($"tr[data-login='{login}']");
        await row.GetByText("Tạm khóa đến").WaitForAsync();

        Bot.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await ConsoleBrowser.LogInAsync(stranger, Bot, login, ConsoleBrowser.OwnPassword);
        await HeadingAsync(stranger, "Việc cần làm");
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_admin_makes_an_account_on_the_users_page_and_lowering_its_role_or_stopping_it_ends_its_session_at_the_next_click()
    {
        var admin = await Browser.OfficerAsync(Bot);
        await admin.GotoAsync(Bot.BaseUrl + "/officer/users");
        await HeadingAsync(admin, "Người dùng và vai trò");

        // Bad input first: the message is next to the field and nothing is made.
        await admin.GetByLabel("Tên đăng nhập").FillAsync("Phạm Minh");
        await admin.Locator("#createAccountButton").ClickAsync();
        await admin.Locator("#createAccount .field-error").GetByText("chữ cái không dấu").WaitForAsync();
        Assert.Equal("Phạm Minh", await admin.GetByLabel("Tên đăng nhập").InputValueAsync());

        await admin.GetByLabel("Tên đăng nhập").FillAsync("minh.pham");
        await admin.GetByLabel("Họ tên (hiện trên trang và trong nhật ký)").FillAsync("Phạm Văn Minh");
        await admin.Locator("#Create_Role").SelectOptionAsync("leader");
        await admin.Locator("#createAccountButton").ClickAsync();
        var first = (await admin.Locator("#firstPassword code").InnerTextAsync()).Trim();
        Assert.Matches("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$", first);
        // Post/Redirect/Get: the password is not in the address, and a reload neither makes the account again nor shows it again.
        Assert.DoesNotContain(first, admin.Url, StringComparison.Ordinal);
        await ConsoleBrowser.ScreenshotAsync(admin, "console-users-desk");
        await admin.ReloadAsync();
        await HeadingAsync(admin, "Người dùng và vai trò");
        Assert.Equal(0, await admin.Locator("#firstPassword").CountAsync());
        Assert.Equal(1, await admin.Locator("tr[data-login='minh.pham']").CountAsync());

        var leader = await Browser.AnonymousAsync();
        await ConsoleBrowser.LogInAsync(leader, Bot, "minh.pham", first);
        await ConsoleBrowser.ChangeFirstPasswordAsync(leader, first, "mùa lúa chín vàng");
        await leader.Locator("header .who").GetByText("Phạm Văn Minh (lãnh đạo)").WaitForAsync();

        // The admin lowers the role: the leader's next click goes to the login page.
        await admin.GotoAsync(Bot.BaseUrl + "/officer/users");
        var row = admin.Locator("tr[data-login='minh.pham']");
        await row.Locator("select[name=role]").SelectOptionAsync("Officer");
        await row.Locator("button.role-save").ClickAsync();
        await admin.GetByText("Đã đổi vai trò của minh.pham thành cán bộ.").WaitForAsync();

        await leader.GetByRole(AriaRole.Link, new() { Name = "Tài khoản" }).ClickAsync();
        await ConsoleBrowser.ArrivedAsync(leader, url => url.Contains("/officer/login", StringComparison.Ordinal));

        // Logged in again as a plain officer; then the admin stops the account: out again, and no way back in.
        await ConsoleBrowser.LogInAsync(leader, Bot, "minh.pham", "mùa lúa chín vàng");
        await leader.Locator("header .who").GetByText("Phạm Văn Minh (cán bộ)").WaitForAsync();
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.Locator("tr[data-login='minh.pham'] button.disable").ClickAsync();
        await admin.GetByText("Đã ngừng tài khoản minh.pham").WaitForAsync();
        await leader.ReloadAsync();
        Assert.Contains("/officer/login", leader.Url, StringComparison.Ordinal);
        await ConsoleBrowser.LogInAsync(leader, Bot, "minh.pham", "mùa lúa chín vàng");
        await leader.GetByText("Tên đăng nhập hoặc mật khẩu không đúng").WaitForAsync();

        // Everything above is in the audit log under the admin's name, in Vietnamese.
        await admin.GotoAsync(Bot.BaseUrl + "/officer/audit?kind=account");
        await HeadingAsync(admin, "Nhật ký thao tác");
        var log = admin.Locator("#auditLog");
        await log.GetByText("Ngừng tài khoản").WaitForAsync();
        await log.GetByText("Tạo tài khoản").First.WaitForAsync();
        Assert.True(await log.GetByText("Nguyễn Văn Quản").CountAsync() >= 2);
        await admin.GetByLabel("Mã hồ sơ, từ trong nội dung").FillAsync("minh.pham");
        await admin.Locator("#auditFilter").ClickAsync();
        await ConsoleBrowser.ArrivedAsync(admin, url => url.Contains("Words=minh.pham", StringComparison.Ordinal));
        Assert.Equal(3, await log.Locator("tbody tr").CountAsync()); // made, its password changed, stopped (role changes are "Cấp vai trò")
        await log.GetByText("account:minh.pham lãnh đạo").WaitForAsync(); // the role in Vietnamese, not the log's "Leader"
        Assert.DoesNotContain("Leader", await log.InnerTextAsync(), StringComparison.Ordinal);
        await ConsoleBrowser.ScreenshotAsync(admin, "console-audit-desk");
    }

    [Fact]
    public async Task A_telegram_users_role_is_granted_and_revoked_on_the_users_page()
    {
        var admin = await Browser.OfficerAsync(Bot, ConsoleBrowser.Phone);
        await admin.GotoAsync(Bot.BaseUrl + "/officer/users");
        await admin.GetByLabel("Mã người dùng Telegram").FillAsync("12ab");
        await admin.Locator("#grantTelegramButton").ClickAsync();
        await admin.Locator("#grantTelegram .field-error").GetByText("dãy chữ số").WaitForAsync();

        await admin.GetByLabel("Mã người dùng Telegram").FillAsync("424242");
        await admin.Locator("#Telegram_Role").SelectOptionAsync("leader");
        await admin.Locator("#grantTelegramButton").ClickAsync();
        await admin.GetByText("Đã cấp vai trò lãnh đạo cho người dùng Telegram 424242.").WaitForAsync();
        Assert.Equal(UserRole.Leader, Bot.Get<UserRoles>().Of("telegram", "424242"));
        await ConsoleBrowser.ScreenshotAsync(admin, "console-users-phone");

        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.Locator("tr[data-key='telegram:424242'] button.revoke").ClickAsync();
        await admin.GetByText("Đã thu hồi vai trò của người dùng Telegram 424242.").WaitForAsync();
        Assert.Equal(UserRole.Citizen, Bot.Get<UserRoles>().Of("telegram", "424242"));
    }

    [Theory]
    [InlineData("/officer/users")]
    [InlineData("/officer/audit")]
    [InlineData("/hangfire")]
    public async Task A_plain_officer_is_shown_the_denied_page_for_the_admins_pages(string path)
    {
        var officer = await Browser.OfficerAsync(Bot, role: UserRole.Officer);
        await officer.GotoAsync(Bot.BaseUrl + path);
        Assert.EndsWith("/officer/denied", officer.Url, StringComparison.Ordinal);
        await HeadingAsync(officer, "Trang này không dành cho tài khoản của ông/bà");
        Assert.Equal(0, await officer.GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).CountAsync());
    }

    [Fact]
    public async Task An_admin_opens_the_jobs_dashboard()
    {
        var admin = await Browser.OfficerAsync(Bot);
        var response = await admin.GotoAsync(Bot.BaseUrl + "/hangfire/recurring");
        Assert.Equal(200, response!.Status);
        Assert.Contains("/hangfire/recurring", admin.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/officer/users")]
    [InlineData("/officer/audit")]
    [InlineData("/hangfire")]
    public async Task A_citizen_of_the_web_chat_is_sent_to_the_login_page(string path)
    {
        var citizen = await Browser.AnonymousAsync(ConsoleBrowser.Phone);
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GotoAsync(Bot.BaseUrl + path);
        Assert.Contains("/officer/login?returnUrl=" + Uri.EscapeDataString(path), citizen.Url, StringComparison.Ordinal);
        await HeadingAsync(citizen, "Đăng nhập trang cán bộ");
    }
}
