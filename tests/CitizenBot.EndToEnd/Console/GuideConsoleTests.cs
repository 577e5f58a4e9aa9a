using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitizenBot.Core.Guide;
using CitizenBot.Core.Roles;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Officer;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>
/// The procedures guide in the console, driven by an officer (not an admin): an entry added with a bad link refused next to the
/// field, waiting unseen by citizens until confirmed, then answering a citizen's web-chat question; a file imported after its
/// preview; "Thử câu hỏi" showing what the bot would answer; search without diacritics.
/// </summary>
public sealed class GuideConsoleTests() : ConsoleTestHost(seedDemo: true)
{
    private const string Question = "tôi muốn chuyển hộ khẩu về xã thì làm sao";

    [Fact]
    public async Task An_officer_adds_an_entry_citizens_see_it_only_once_confirmed_and_a_bad_link_is_refused_next_to_its_field()
    {
        var officer = await Browser.OfficerAsync(Bot, role: UserRole.Officer);
        await officer.GotoAsync(Bot.BaseUrl + "/officer");
        await officer.Locator("nav.main").GetByRole(AriaRole.Link, new() { Name = "Hướng dẫn thủ tục" }).ClickAsync();
        await officer.Locator("#addEntry").ClickAsync();

        await officer.GetByLabel("Tên thủ tục").FillAsync("Đăng ký thường trú");
        await officer.GetByLabel("Lĩnh vực").FillAsync("Cư trú");
        await officer.GetByLabel("Cách người dân gọi").FillAsync("nhập hộ khẩu\nchuyển hộ khẩu");
        await officer.GetByLabel("Giấy tờ cần mang").FillAsync("Tờ khai thay đổi thông tin cư trú (mẫu CT01)");
        await officer.GetByLabel("Nộp trực tuyến").FillAsync("dichvucong.gov.vn");
        await officer.GetByLabel("Căn cứ pháp lý").FillAsync("Luật Cư trú năm 2020");
        await officer.Locator("#saveEntry").ClickAsync();

        var linkError = officer.Locator("span[data-valmsg-for='OnlineLink']");
        await linkError.GetByText("bắt đầu bằng https://").WaitForAsync();
        Assert.Equal("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", await officer.GetByLabel("Giấy tờ cần mang").InputValueAsync());
        Assert.Null(Bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký thường trú")));
        await ScreenshotAsync(officer, "guide-bad-link-desk");

        await officer.GetByLabel("Nộp trực tuyến").FillAsync("https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004222");
        await officer.Locator("#saveEntry").ClickAsync();
        await officer.Locator("p.notice").GetByText("Đã thêm thủ tục \"Đăng ký thường trú\"").WaitForAsync();
        Assert.Contains("Chờ xác nhận", await officer.Locator("#entry-status").InnerTextAsync(), StringComparison.Ordinal);

        // Confirming without a source is refused, said next to the source field.
        await officer.Locator("#confirmEntry").ClickAsync();
        await officer.Locator("span[data-valmsg-for='SourceUrl']").GetByText("Cần ghi nguồn").WaitForAsync();
        Assert.False(Bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký thường trú"))!.IsConfirmed);

        await officer.GotoAsync(Bot.BaseUrl + "/officer/guide?trang-thai=cho-xac-nhan");
        var row = officer.Locator("#entry-list tr[data-name='Đăng ký thường trú']");
        Assert.Contains("Chờ xác nhận", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await officer.Locator("#entry-list tbody tr").CountAsync());

        // Not confirmed: the citizen's question is not answered from it.
        var citizen = await Browser.AnonymousAsync(ConsoleBrowser.Phone);
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        await WebChatSteps.SayAsync(citizen, Question);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "📨 Gửi câu hỏi cho cán bộ" }).Last.WaitForAsync();
        Assert.DoesNotContain("Đăng ký thường trú", await citizen.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Link, new() { Name = "Đăng ký thường trú" }).ClickAsync();
        await officer.GetByLabel("Nguồn đã đối chiếu").FillAsync("https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=144269");
        await officer.Locator("#saveEntry").ClickAsync();
        await officer.Locator("p.notice").GetByText("chờ xác nhận lại").WaitForAsync();
        await officer.Locator("#confirmEntry").ClickAsync();
        await officer.Locator("p.notice").GetByText("Đã xác nhận thủ tục \"Đăng ký thường trú\"").WaitForAsync();
        var status = await officer.Locator("#entry-status").InnerTextAsync();
        Assert.Contains("Đã xác nhận", status, StringComparison.Ordinal);
        Assert.Contains("Lê Văn Bộ", status, StringComparison.Ordinal);
        await ScreenshotAsync(officer, "guide-entry-desk");

        await WebChatSteps.SayAsync(citizen, "hủy");
        await WebChatSteps.SayAsync(citizen, "toi muon nhap ho khau cho con");
        await citizen.GetByText("📋 Đăng ký thường trú").Last.WaitForAsync();
        await citizen.GetByText("Tờ khai thay đổi thông tin cư trú (mẫu CT01)").Last.WaitForAsync();
        await ScreenshotAsync(citizen, "guide-webchat-answer-phone");

        // The audit page (admins) names both steps under the officer.
        var admin = await Browser.OfficerAsync(Bot);
        await admin.GotoAsync(Bot.BaseUrl + "/officer/audit");
        var audit = await admin.Locator("body").InnerTextAsync();
        Assert.Contains("Hướng dẫn thủ tục: thêm", audit, StringComparison.Ordinal);
        Assert.Contains("Hướng dẫn thủ tục: xác nhận", audit, StringComparison.Ordinal);

        // Hidden from citizens, then deleted, each asked first.
        officer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await officer.Locator("#unconfirmEntry").ClickAsync();
        await officer.Locator("p.notice").GetByText("Đã ẩn thủ tục \"Đăng ký thường trú\" khỏi công dân").WaitForAsync();
        Assert.False(Bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký thường trú"))!.IsConfirmed);
        await officer.Locator("#deleteEntry").ClickAsync();
        await officer.Locator("p.notice").GetByText("Đã xóa thủ tục \"Đăng ký thường trú\" khỏi hướng dẫn.").WaitForAsync();
        Assert.Equal(0, await officer.Locator("#entry-list tr[data-name='Đăng ký thường trú']").CountAsync());
    }

    [Fact]
    public async Task A_file_is_previewed_without_changing_anything_then_imported_exactly_as_previewed()
    {
        var officer = await Browser.OfficerAsync(Bot, role: UserRole.Officer);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/guide");
        var template = await officer.APIRequest.GetAsync(Bot.BaseUrl + "/officer/guide?handler=Template&format=csv");
        var templateText = Encoding.UTF8.GetString(await template.BodyAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("\"Tên thủ tục\",\"Lĩnh vực\",\"Cách gọi khác\"", templateText, StringComparison.Ordinal);
        Assert.Contains("\"Căn cứ pháp lý\",Nguồn,\"Đã xác nhận\"", templateText, StringComparison.Ordinal);
        var birth = Bot.Get<GuideBook>().All().First(e => e.Name == "Đăng ký khai sinh");
        var csv = string.Join("\r\n",
            "Tên thủ tục,Lĩnh vực,Cách gọi khác,Giấy tờ cần mang,Lệ phí,Thời gian giải quyết,Nơi nộp,Nộp trực tuyến,Căn cứ pháp lý,Nguồn,Đã xác nhận",
            "Đăng ký tạm trú,Cư trú,đăng ký tạm trú; khai báo tạm trú,Tờ khai CT01,,,Công an xã,,Luật Cư trú năm 2020,https://vbpl.vn/luat-cu-tru,có",
            $"Đăng ký khai sinh,{birth.Field},giấy khai sanh,Tờ khai đăng ký khai sinh; giấy chứng sinh,,,\"{birth.Place}\",,\"{birth.LegalBasis}\",{birth.SourceUrl},",
            "Sai địa chỉ,Hộ tịch,,Tờ khai,,,,không phải link,Luật Hộ tịch năm 2014,,");

        await officer.GetByLabel("Tệp CSV hoặc Excel").SetInputFilesAsync(new FilePayload { Name = "huong-dan.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await officer.Locator("#previewImport").ClickAsync();
        await officer.Locator("#preview").WaitForAsync();
        var rows = await officer.Locator("#preview-rows tbody").InnerTextAsync();
        Assert.Contains("Đăng ký tạm trú", rows, StringComparison.Ordinal);
        Assert.Contains("Giấy tờ cần mang", rows, StringComparison.Ordinal);
        Assert.Contains("chờ xác nhận lại", rows, StringComparison.Ordinal);
        Assert.Contains("Nộp trực tuyến", await officer.Locator("#preview-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Null(Bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký tạm trú")));
        Assert.True(Bot.Get<GuideBook>().Get(birth.Key)!.IsConfirmed);
        await ScreenshotAsync(officer, "guide-preview-desk");
        await officer.SetViewportSizeAsync(ConsoleBrowser.Phone.Width, ConsoleBrowser.Phone.Height);
        await ScreenshotAsync(officer, "guide-preview-phone");

        var applyForm = officer.Locator("#preview form");
        var pendingKey = await applyForm.Locator("input[name='PendingKey']").InputValueAsync();
        var antiforgery = await applyForm.Locator("input[name='__RequestVerificationToken']").InputValueAsync();
        await officer.Locator("#applyImport").ClickAsync();
        await officer.Locator("p.notice").GetByText("Đã nhập tệp \"huong-dan.csv\": thêm mới 1, cập nhật 1").WaitForAsync();
        Assert.True(Bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký tạm trú"))!.IsConfirmed);
        Assert.False(Bot.Get<GuideBook>().Get(birth.Key)!.IsConfirmed);
        Assert.Null(Bot.Get<GuideBook>().Get(GuideBook.KeyOf("Sai địa chỉ")));

        // A second "Nhập" of the same preview (a double click, the form sent again) imports nothing and says why.
        var again = await officer.APIRequest.PostAsync(Bot.BaseUrl + "/officer/guide?handler=Apply", new()
        {
            Form = officer.APIRequest.CreateFormData().Set("PendingKey", pendingKey).Set("__RequestVerificationToken", antiforgery),
        });
        Assert.Contains("Bản xem trước đã hết hạn", await again.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Try_a_question_shows_what_the_bot_would_answer_and_the_list_is_searched_without_diacritics()
    {
        var officer = await Browser.OfficerAsync(Bot, ConsoleBrowser.Phone, UserRole.Officer);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/guide");
        await officer.GetByLabel("Gõ như người dân sẽ viết").FillAsync("lam giay khai sanh cho be can gi");
        await officer.Locator("#tryQuestion").ClickAsync();
        var now = await officer.Locator("#trial-now").InnerTextAsync();
        Assert.Contains("Bot trả lời ngay bằng thủ tục \"Đăng ký khai sinh\"", now, StringComparison.Ordinal);
        Assert.Contains("khớp", now, StringComparison.Ordinal);
        await ScreenshotAsync(officer, "guide-try-phone");

        // Words of an entry still waiting: what citizens get now, and what they will get once it is confirmed.
        Bot.Get<GuideBook>().Save(null, new GuideEntry
        {
            Name = "Đăng ký thường trú", Aliases = ["nhập hộ khẩu"], LegalBasis = "Luật Cư trú năm 2020", SourceUrl = "https://vbpl.vn/luat-cu-tru",
        }, "test:setup");
        await officer.GetByLabel("Gõ như người dân sẽ viết").FillAsync("cho em hoi nhap ho khau o dau");
        await officer.Locator("#tryQuestion").ClickAsync();
        Assert.Contains("bot đề nghị gửi câu hỏi cho cán bộ", await officer.Locator("#trial-now").InnerTextAsync(), StringComparison.Ordinal);
        var later = await officer.Locator("#trial-later").InnerTextAsync();
        Assert.Contains("\"Đăng ký thường trú\"", later, StringComparison.Ordinal);
        Assert.Contains("Chờ xác nhận", later, StringComparison.Ordinal);

        await officer.GetByLabel("Gõ như người dân sẽ viết").FillAsync("   ");
        await officer.Locator("#tryQuestion").ClickAsync();
        await officer.Locator("#trial .field-error").GetByText("Xin gõ một câu").WaitForAsync();

        await officer.GetByLabel("Tìm (gõ có dấu hoặc không dấu)").FillAsync("ket hon");
        await officer.Locator("#filterEntries").ClickAsync();
        var names = await officer.Locator("#entry-list tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)");
        Assert.Contains("Đăng ký kết hôn", names);
        Assert.DoesNotContain("Đăng ký khai sinh", names);
        await officer.SetViewportSizeAsync(ConsoleBrowser.Desk.Width, ConsoleBrowser.Desk.Height);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/guide");
        // The demo's entries are sample data to check, not confirmed by a person called "demo".
        await officer.Locator("#entry-list tbody tr[data-name='Đăng ký kết hôn']").GetByText("Dữ liệu mẫu (cán bộ cần kiểm tra lại)").WaitForAsync();
        await ScreenshotAsync(officer, "guide-list-desk");
        await officer.SetViewportSizeAsync(ConsoleBrowser.Phone.Width, ConsoleBrowser.Phone.Height);
        await ScreenshotAsync(officer, "guide-list-phone");
    }

    [Fact]
    public async Task The_api_imports_a_file_and_refuses_to_confirm_an_entry_that_names_no_source()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        http.DefaultRequestHeaders.Add(OfficerToken.HeaderName, Bot.OfficerToken);
        var csv = "Tên thủ tục,Căn cứ pháp lý,Đã xác nhận\nĐăng ký tạm trú,Luật Cư trú năm 2020,có";

        var imported = await http.PostAsync("/officer/api/guide/import", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var refused = await http.PostAsJsonAsync("/officer/api/guide/confirm", new { name = "Đăng ký tạm trú" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("căn cứ pháp lý và nguồn", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(Bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký tạm trú"))!.IsConfirmed);
    }

    private static Task ScreenshotAsync(IPage page, string name) => ConsoleBrowser.ScreenshotAsync(page, name);
}
