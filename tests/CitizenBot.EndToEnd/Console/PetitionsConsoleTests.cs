using System.Text.RegularExpressions;
using CitizenBot.Core.Petitions;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>
/// A kiến nghị sent on the web chat, taken by an officer who never uses Telegram from received to answered in the console,
/// every step arriving in the citizen's chat; the citizen, not satisfied, asks to reopen it; the officer sees it back in work.
/// </summary>
public sealed partial class PetitionsConsoleTests() : ConsoleTestHost(seedDemo: true)
{
    private const string Content = "Đèn đường ở ngã ba Thôn Một bị hỏng ba tuần nay, tối rất tối, đề nghị xã thay bóng đèn.";
    [Fact]
    public async Task A_web_chat_petition_goes_from_received_to_answered_in_the_console_and_is_reopened_when_the_citizen_is_not_satisfied()
    {
        var citizen = await Browser.AnonymousAsync(ConsoleBrowser.Phone);
        var code = await SubmitAsync(citizen);

        var officer = await Browser.OfficerAsync(Bot);
        officer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await officer.GotoAsync(Bot.BaseUrl + "/officer/petitions");
        await officer.GetByRole(AriaRole.Heading, new() { Name = "Kiến nghị, khiếu nại, tố cáo" }).WaitForAsync();
        await officer.GetByLabel("Mã đơn hoặc từ khóa").FillAsync("den duong nga ba");
        await officer.Locator("#filter").ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await officer.GetByRole(AriaRole.Heading, new() { Name = $"Đơn {code}" }).WaitForAsync();
        await officer.GetByText("Trần Thị Hoa").WaitForAsync();
        await officer.GetByText("0987 654 321").Or(officer.GetByText("0987654321")).First.WaitForAsync();

        await officer.Locator("#progress").ClickAsync();
        await officer.GetByText("Đã chuyển sang đang xem xét, giải quyết. Công dân đã được báo.").WaitForAsync();
        await citizen.GetByText($"Đơn {code}: Đang xem xét, giải quyết").WaitForAsync();

        // An empty answer: the message next to the field, nothing sent.
        await officer.Locator("#answer").ClickAsync();
        await officer.Locator("span.field-error", new() { HasText = "Xin viết kết quả giải quyết để gửi công dân." }).WaitForAsync();
        Assert.Equal(PetitionStatus.InProgress, Petition(code).Status);

        await officer.GetByLabel("Kết quả giải quyết").FillAsync("Ngày 27/11 xã đã thay bóng đèn mới tại ngã ba Thôn Một.");
        await officer.Locator("#answer").ClickAsync();
        await officer.GetByText("Đã gửi kết quả trả lời. Công dân đã được báo.").WaitForAsync();
        await citizen.GetByText($"Kết quả giải quyết đơn {code}").WaitForAsync();
        await citizen.GetByText("xã đã thay bóng đèn mới").WaitForAsync();

        // Not satisfied: from "Kiến nghị của tôi", with a reason.
        Bot.Clock.Advance(TimeSpan.FromDays(3));
        await WebChatSteps.SayAsync(citizen, "kiến nghị của tôi", "đề nghị xem xét lại đến hết ngày");
        await citizen.GetByRole(AriaRole.Button, new() { Name = $"🔁 Chưa hài lòng, đề nghị xem xét lại {code}" }).ClickAsync();
        await citizen.GetByText("vì sao chưa hài lòng").WaitForAsync();
        await WebChatSteps.SayAsync(citizen, "Bóng đèn mới chỉ sáng hai đêm rồi lại tắt, đề nghị xã kiểm tra đường dây.", $"đã nhận đề nghị xem xét lại đơn {code}");
        await citizen.GetByText("Hạn trả lời mới").WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(citizen, "console-petitions-citizen-chat");

        // Three days on, the officer's session (12 hours) has ended: they log in again and open the petition.
        officer = await Browser.OfficerAsync(Bot);
        officer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await officer.GotoAsync(Bot.BaseUrl + "/officer/petitions/" + code);
        await officer.Locator("#status", new() { HasText = "Đang xem xét, giải quyết" }).WaitForAsync();
        await officer.Locator("#status .badge.reopened").WaitForAsync();
        await officer.GetByRole(AriaRole.Cell, new() { Name = "Bóng đèn mới chỉ sáng hai đêm rồi lại tắt, đề nghị xã kiểm tra đường dây." }).WaitForAsync();

        // An empty reason to reject: the message next to the field, nothing changed.
        await officer.Locator("#reject").ClickAsync();
        await officer.Locator("span.field-error", new() { HasText = "Xin ghi lý do không thụ lý" }).WaitForAsync();
        Assert.Equal(PetitionStatus.InProgress, Petition(code).Status);

        await officer.GetByLabel("Kết quả giải quyết").FillAsync("Điện lực đã thay đoạn dây hỏng ngày 01/12; đèn sáng bình thường.");
        await officer.Locator("#answer").ClickAsync();
        await officer.GetByText("Đã gửi kết quả trả lời.").WaitForAsync();
        await citizen.GetByText("Điện lực đã thay đoạn dây hỏng").WaitForAsync();

        // The officer reopens from the console too: a reason is required, then the citizen reads it.
        await officer.Locator("#reopen").ClickAsync();
        await officer.Locator("span.field-error", new() { HasText = "Xin ghi lý do mở lại đơn" }).WaitForAsync();
        Assert.Equal(PetitionStatus.Answered, Petition(code).Status);
        await officer.GetByLabel("Lý do mở lại").FillAsync("Trưởng thôn báo đèn lại tắt tối qua.");
        await officer.Locator("#reopen").ClickAsync();
        await officer.GetByText("Đã mở lại đơn để xem xét lại").WaitForAsync();
        await citizen.GetByText("Trưởng thôn báo đèn lại tắt tối qua.").WaitForAsync();

        var petition = Petition(code);
        Assert.Equal(PetitionStatus.InProgress, petition.Status);
        Assert.Equal(2, petition.Reopens);
        Assert.Equal([PetitionStatus.Received, PetitionStatus.InProgress, PetitionStatus.Answered, PetitionStatus.InProgress, PetitionStatus.Answered, PetitionStatus.InProgress],
            petition.History.Select(e => e.Status));
        Assert.All(petition.History.Where(e => e.By != "citizen").Skip(1), e => Assert.StartsWith("account:", e.By, StringComparison.Ordinal));

        await ConsoleBrowser.ScreenshotAsync(officer, "console-petitions-detail-desk");
        await officer.SetViewportSizeAsync(ConsoleBrowser.Phone.Width, ConsoleBrowser.Phone.Height);
        await ConsoleBrowser.ScreenshotAsync(officer, "console-petitions-detail-phone");
    }

    [Fact]
    public async Task The_list_filters_counts_and_shows_overdue_first_and_a_missing_code_is_said_in_Vietnamese()
    {
        var book = Bot.Get<PetitionBook>();
        Submit(book, "Đường liên thôn sụt lún, xe máy đi lại nguy hiểm, đề nghị xã sửa chữa sớm.", "Thôn Một", PetitionKind.Feedback);
        Bot.Clock.Advance(TimeSpan.FromDays(20));
        var fresh = Submit(book, "Rác thải đổ trộm ven kênh Thôn Hai gây mùi hôi, đề nghị xã xử lý và đặt biển cấm.", "Thôn Hai", PetitionKind.Feedback);
        Submit(book, "Tố cáo việc lấn chiếm đất công tại khu vực chợ, đề nghị kiểm tra xử lý theo quy định.", "Thôn Hai", PetitionKind.Denunciation);

        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/petitions");
        var codes = await page.Locator("table.petitions tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(3, codes.Count); // the shared token is an admin: denunciations listed
        Assert.Contains("Quá hạn", await page.Locator("table.petitions tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#counts", new() { HasText = "quá hạn 1" }).WaitForAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "console-petitions-list-desk");

        await page.GetByLabel("Thôn").SelectOptionAsync("Thôn Hai");
        await page.GetByLabel("Loại đơn").SelectOptionAsync(nameof(PetitionKind.Feedback));
        await page.Locator("#filter").ClickAsync();
        Assert.Equal([fresh.Code], (await page.Locator("table.petitions tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Replace("Mã đơn: ", "", StringComparison.Ordinal).Trim()));
        Assert.Contains("thon=Thôn Hai", Uri.UnescapeDataString(page.Url.Replace('+', ' ')), StringComparison.Ordinal); // a filtered list can be bookmarked

        var phone = await Browser.OfficerAsync(Bot, ConsoleBrowser.Phone);
        await phone.GotoAsync(Bot.BaseUrl + "/officer/petitions");
        await ConsoleBrowser.ScreenshotAsync(phone, "console-petitions-list-phone");

        var missing = await page.GotoAsync(Bot.BaseUrl + "/officer/petitions/KN-ZZZZZZ");
        Assert.Equal(404, missing!.Status);
        await page.GetByText("Không tìm thấy đơn KN-ZZZZZZ").WaitForAsync();
    }

    [Fact]
    public async Task A_plain_officer_sees_only_how_many_denunciations_there_are_and_cannot_open_one()
    {
        var book = Bot.Get<PetitionBook>();
        var feedback = Submit(book, "Cống thoát nước trước nhà văn hóa Thôn Một bị tắc, nước tràn ra đường khi mưa.", "Thôn Một", PetitionKind.Feedback);
        var denunciation = Submit(book, "Tố cáo việc lấn chiếm đất công tại khu vực chợ, đề nghị kiểm tra xử lý theo quy định.", "Thôn Hai", PetitionKind.Denunciation);
        // A plain officer's own session, through the one-time code the bot gives in Telegram (ConsoleBrowser logs in as an admin).
        const string officerKey = "telegram:700";
        Bot.Get<CitizenBot.Core.Roles.UserRoles>().Grant(officerKey, CitizenBot.Core.Roles.UserRole.Officer, "telegram:" + RunningBot.AdminId);
        var code = Bot.Get<CitizenBot.Core.Roles.WebLogins>().IssueCode(officerKey, new CitizenBot.Core.Messaging.ChatAddress("telegram", "700"),
            c => new CitizenBot.Core.Messaging.OutgoingMessage(c));
        var page = await Browser.AnonymousAsync();
        await page.GotoAsync(Bot.BaseUrl + "/officer/login?returnUrl=%2Fofficer%2Fpetitions");
        await page.GetByLabel("Mã đăng nhập").FillAsync(code);
        await page.Locator("#loginCode").ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Kiến nghị, khiếu nại, tố cáo" }).WaitForAsync();
        await page.Locator("#sealed", new() { HasText = "Có 1 đơn tố cáo phù hợp" }).WaitForAsync();
        var rows = await page.Locator("table.petitions tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal([feedback.Code], rows.Select(t => t.Trim()));
        Assert.Equal(0, await page.Locator("#loai option[value=Denunciation]").CountAsync());
        Assert.DoesNotContain("lấn chiếm", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(Bot.BaseUrl + "/officer/petitions/" + denunciation.Code);
        Assert.EndsWith("/officer/denied", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("lấn chiếm", await page.ContentAsync(), StringComparison.Ordinal);
        var photo = await page.APIRequest.GetAsync(Bot.BaseUrl + $"/officer/petitions/{denunciation.Code}?handler=Photo&n=0",
            new() { MaxRedirects = 0 });
        Assert.NotEqual(200, photo.Status);

        // The officer's own work goes on: a named petition opens, with the citizen's contact.
        await page.GotoAsync(Bot.BaseUrl + "/officer/petitions/" + feedback.Code);
        await page.GetByText("Lê Văn Tâm").WaitForAsync();
    }

    private Petition Petition(string code) => Bot.Get<PetitionBook>().Get(code)!;

    private static Petition Submit(PetitionBook book, string content, string village, PetitionKind kind) =>
        book.Submit(new PetitionDraft(kind, "Giao thông, điện, nước", village, content, [], (19.80, 105.78), false, "Lê Văn Tâm", "0912 000 111", "web:p" + Guid.NewGuid().ToString("N")));

    /// <summary>The citizen sends a named kiến nghị on the web chat, pressing the buttons as shown; returns its code.</summary>
    private async Task<string> SubmitAsync(IPage citizen)
    {
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "📮 Gửi kiến nghị, phản ánh" }).ClickAsync();
        await WebChatSteps.PressAsync(citizen, "Kiến nghị, phản ánh", "lĩnh vực nào");
        await WebChatSteps.PressAsync(citizen, "Giao thông, điện, nước", "thôn nào");
        await WebChatSteps.PressAsync(citizen, "Thôn Một", "trình bày nội dung");
        await WebChatSteps.SayAsync(citizen, Content, "có ảnh kèm theo");
        await WebChatSteps.SayAsync(citizen, "bỏ qua", "gửi vị trí");
        await WebChatSteps.SayAsync(citizen, "bỏ qua", "để lại họ tên, số điện thoại");
        await WebChatSteps.PressAsync(citizen, "👤 Để lại họ tên, số điện thoại", "họ và tên");
        await WebChatSteps.SayAsync(citizen, "Trần Thị Hoa", "số điện thoại");
        await WebChatSteps.SayAsync(citizen, "0987 654 321", "xác nhận gửi đơn");
        await WebChatSteps.PressAsync(citizen, "✅ Có", "đã tiếp nhận đơn");
        var receipt = await citizen.GetByText("Mã theo dõi").Last.InnerTextAsync();
        return CodePattern().Match(receipt).Value;
    }

    [GeneratedRegex("(KN|KH|TC)-[A-Z0-9]{6}")]
    private static partial Regex CodePattern();
}
