using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Summaries;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CitizenBot.EndToEnd.Console;

/// <summary>A leader reads last month's summary in the console, with its chart, and downloads its figures as XLSX.</summary>
public sealed class ReportsConsoleTests() : ConsoleTestHost(seedDemo: true)
{
    [Fact]
    public async Task A_leader_opens_last_months_summary_with_its_chart_and_downloads_the_figures()
    {
        // The demo commune's dossiers came in during November; on 4 December, last month is November.
        Bot.Clock.Advance(TimeSpan.FromDays(10));
        var expected = Bot.Get<SummaryCompiler>().Compile(SummaryPeriod.Month(2026, 11));
        var page = await Browser.OfficerAsync(Bot);
        var compiled = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/officer/reports", StringComparison.Ordinal))
            {
                compiled.Add(request.Url);
            }
        };
        await page.GotoAsync(Bot.BaseUrl + "/officer/reports");

        await page.Locator("#summary-title").GetByText("BÁO CÁO TỔNG HỢP THÁNG 11/2026").WaitForAsync();
        await page.GetByText("Báo cáo tháng tự động chưa chạy lần nào").WaitForAsync();
        var chart = page.Locator("#chart");
        await chart.ScrollIntoViewIfNeededAsync();
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 900"), "the chart did not load");

        // One request, one compilation: the chart is in the page, not fetched from a handler that compiles the summary again.
        Assert.Equal([Bot.BaseUrl + "/officer/reports"], compiled);
        await page.GetByText($"Tổng số hồ sơ đã tiếp nhận: {expected.Dossiers.Received} hồ sơ", new() { Exact = false }).WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "console-reports-desk");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.Equal("bao-cao-tong-hop-20261101-20261130.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Dir.Path, "report.xlsx");
        await download.SaveAsAsync(path);
        Assert.Equal(SummaryWorkbook.SheetName, MiniExcel.GetSheetNames(path).Single());
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var received = rows.Single(r => (string)r["Chỉ tiêu"] == "Hồ sơ tiếp nhận");
        Assert.Equal("1. Thủ tục hành chính", received["Mục"]);
        Assert.Equal((double)expected.Dossiers.Received, Convert.ToDouble(received["Số liệu"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(expected.Dossiers.Received > 0, "the demo commune has dossiers last month");

        // The printable page opens in a tab, exactly the file the Telegram summary carries.
        var tab = await page.Context.RunAndWaitForPageAsync(() => page.Locator("#print").ClickAsync());
        await tab.GetByRole(AriaRole.Heading, new() { Name = "BÁO CÁO TỔNG HỢP THÁNG 11/2026" }).WaitForAsync();
        Assert.Equal("Times New Roman", (await tab.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).fontFamily")).Trim('"', '\'').Split(',')[0].Trim('"', '\''));

        // A quarter, and a period in the future refused next to the field.
        await page.Locator("#q-quy").SelectOptionAsync("3");
        await page.Locator("#q-nam").FillAsync("2026");
        await page.Locator("#show-quarter").ClickAsync();
        await page.Locator("#summary-title").GetByText("BÁO CÁO TỔNG HỢP QUÝ III/2026").WaitForAsync();
        await page.Locator("#y-nam").FillAsync("2027");
        await page.Locator("#show-year").ClickAsync();
        await page.GetByText("Kỳ báo cáo không được ở tương lai.").WaitForAsync();
        Assert.Equal(0, await page.Locator("#summary").CountAsync());

        // The monthly job ran: its summary is shown to leaders who have no Telegram.
        await Bot.RunMonthlySummaryAsync();
        await page.GotoAsync(Bot.BaseUrl + "/officer/reports?ky=nam&nam=2025");
        await page.Locator("#last-monthly").GetByText("tháng 11/2026", new() { Exact = true }).WaitForAsync();
        await page.Locator("#open-last-monthly").ClickAsync();
        await page.Locator("#summary-title").GetByText("BÁO CÁO TỔNG HỢP THÁNG 11/2026").WaitForAsync();
        Assert.Equal("tháng 11/2026", Bot.Get<MonthlySummarySweep>().LastRun()!.Title);

        var phone = await Browser.OfficerAsync(Bot, ConsoleBrowser.Phone);
        await phone.GotoAsync(Bot.BaseUrl + "/officer/reports");
        await phone.Locator("#chart").ScrollIntoViewIfNeededAsync();
        await ConsoleBrowser.ScreenshotAsync(phone, "console-reports-phone");
    }

    /// <summary>Logs in with a one-time code as a Telegram user of the given role (the console's other way in).</summary>
    private async Task<IPage> LoggedInAsAsync(string userId, UserRole role)
    {
        Bot.Get<UserRoles>().Grant("telegram:" + userId, role, "telegram:" + RunningBot.AdminId);
        var code = Bot.Get<WebLogins>().IssueCode("telegram:" + userId, new ChatAddress("telegram", userId), c => new OutgoingMessage(c));
        var page = await Browser.AnonymousAsync();
        await page.GotoAsync(Bot.BaseUrl + "/officer/login");
        await page.GetByLabel("Mã đăng nhập").FillAsync(code);
        await page.Locator("#loginCode").ClickAsync();
        await ConsoleBrowser.ArrivedAsync(page, url => url == Bot.BaseUrl + "/officer");
        return page;
    }

    [Fact]
    public async Task A_plain_officer_is_refused_the_reports_and_the_letters_a_leader_only_the_letters()
    {
        var officer = await LoggedInAsAsync("555", UserRole.Officer);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/reports");
        Assert.Contains(ConsoleDenied, officer.Url, StringComparison.Ordinal);
        var xlsx = await officer.APIRequest.GetAsync(Bot.BaseUrl + "/officer/reports?handler=Xlsx", new() { MaxRedirects = 0 });
        Assert.Contains(ConsoleDenied, xlsx.Headers["location"], StringComparison.Ordinal);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/letters/xinloi");
        Assert.Contains(ConsoleDenied, officer.Url, StringComparison.Ordinal);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/announcements");
        await officer.GetByRole(AriaRole.Heading, new() { Name = "Thông báo tới các thôn" }).WaitForAsync();

        var leader = await LoggedInAsAsync("556", UserRole.Leader);
        await leader.GotoAsync(Bot.BaseUrl + "/officer/reports");
        await leader.Locator("#summary-title").WaitForAsync();
        await leader.GotoAsync(Bot.BaseUrl + "/officer/letters");
        Assert.Contains(ConsoleDenied, leader.Url, StringComparison.Ordinal);
    }

    private const string ConsoleDenied = "/officer/denied";
}
