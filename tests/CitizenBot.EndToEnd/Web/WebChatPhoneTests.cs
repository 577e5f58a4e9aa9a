using System.Text.RegularExpressions;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Petitions;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Web;

/// <summary>
/// The web chat on a phone (390×844, touch): a petition with a photo and the browser's location, refusals of what is not
/// a photo, a reload mid-flow, the commune's header, and the notice badge for an update that came while the citizen was away.
/// </summary>
public sealed partial class WebChatPhoneTests() : ConsoleTestHost(seedDemo: true, settings: new Dictionary<string, string?>
{
    ["Commune:Phone"] = "0237 3868 123",
    ["Commune:Address"] = "Thôn Một, xã Thử Nghiệm",
    ["Web:MaxPhotoMegabytes"] = "1",
})
{
    private const string Content = "Cột điện ở đầu Thôn Một bị nghiêng sau bão, dây điện võng thấp sát mái nhà, đề nghị xã báo điện lực xử lý.";

    [Fact]
    public async Task A_petition_with_a_photo_and_the_browsers_location_reaches_the_console_with_its_photo()
    {
        var citizen = await PhoneAsync(geolocation: true);
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();

        // The header: the commune, its phone to call, its address.
        await citizen.Locator("header").GetByText("Trợ lý trực tuyến UBND xã Thử Nghiệm").WaitForAsync();
        Assert.Equal("tel:02373868123", await citizen.Locator("header a[href^='tel:']").GetAttributeAsync("href"));
        await citizen.Locator("header").GetByText("📍 Thôn Một, xã Thử Nghiệm").WaitForAsync();
        Assert.StartsWith("Trợ lý trực tuyến UBND xã Thử Nghiệm", await citizen.TitleAsync(), StringComparison.Ordinal);

        await WebChatSteps.PressAsync(citizen, "📮 Gửi kiến nghị, phản ánh", "Kiến nghị, phản ánh");
        await WebChatSteps.PressAsync(citizen, "Kiến nghị, phản ánh", "lĩnh vực nào");
        await WebChatSteps.PressAsync(citizen, "Giao thông, điện, nước", "thôn nào");
        await WebChatSteps.PressAsync(citizen, "Thôn Một", "trình bày nội dung");
        await WebChatSteps.SayAsync(citizen, Content, "có ảnh kèm theo");
        var askPhoto = await citizen.GetByText("có ảnh kèm theo").Last.InnerTextAsync();
        Assert.Contains("📷 Gửi ảnh", askPhoto, StringComparison.Ordinal);
        Assert.DoesNotContain("📎", askPhoto, StringComparison.Ordinal);
        Assert.Contains("wanted", await citizen.Locator("#photo-button").GetAttributeAsync("class"), StringComparison.Ordinal);

        // Not a photo, then too large: refused in polite words, and the question still waits.
        await ChooseAsync(citizen, "ghi-chu.jpg", "image/jpeg", "Biên bản họp thôn"u8.ToArray());
        await citizen.GetByText("tệp vừa chọn không phải là ảnh").WaitForAsync();
        var tooLarge = new byte[1024 * 1024 + 10];
        (await ShotAsync(citizen)).AsSpan(0, 3).CopyTo(tooLarge);
        await ChooseAsync(citizen, "anh-lon.jpg", "image/jpeg", tooLarge);
        await citizen.GetByText("ảnh này lớn quá (tối đa 1 MB)").WaitForAsync();
        await Screenshot(citizen, "refused");
        Assert.Equal(0, await citizen.Locator(".msg.me", new() { HasText = "anh-lon.jpg" }).CountAsync());

        await ChooseAsync(citizen, "cot-dien.jpg", "image/jpeg", await ShotAsync(citizen));
        await citizen.GetByText("📷 Ảnh đã gửi: cot-dien.jpg").WaitForAsync();
        await citizen.GetByText("gửi vị trí nơi xảy ra sự việc").WaitForAsync();
        Assert.Contains("wanted", await citizen.Locator("#location-button").GetAttributeAsync("class"), StringComparison.Ordinal);

        // The location: what it is for first, then the browser's (granted) position.
        await citizen.GetByRole(AriaRole.Button, new() { Name = "📍 Gửi vị trí" }).ClickAsync();
        await citizen.GetByText("để cán bộ biết nơi xảy ra sự việc").WaitForAsync();
        await Screenshot(citizen, "location-consent");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "✅ Đồng ý, gửi vị trí" }).ClickAsync();
        await citizen.GetByText("Ông/bà muốn để lại họ tên").WaitForAsync();

        await WebChatSteps.PressAsync(citizen, "👤 Để lại họ tên, số điện thoại", "họ và tên");
        await WebChatSteps.SayAsync(citizen, "Lê Thị Mai", "gõ số vào ô nhắn tin");
        Assert.Equal("Gõ số điện thoại, ví dụ 0912 345 678", await citizen.GetByLabel("Tin nhắn").GetAttributeAsync("placeholder"));
        Assert.Equal(0, await citizen.GetByText("Gửi số điện thoại").CountAsync());
        await WebChatSteps.SayAsync(citizen, "0987 65", "Số điện thoại chưa đúng");
        await WebChatSteps.SayAsync(citizen, "0987 654 321", "xác nhận gửi đơn");
        await citizen.GetByText("🖼 Ảnh kèm theo: 1").WaitForAsync();
        await citizen.GetByText("📍 Có vị trí kèm theo").WaitForAsync();
        await WebChatSteps.PressAsync(citizen, "✅ Có", "đã tiếp nhận đơn");
        var code = CodePattern().Match(await citizen.GetByText("Mã theo dõi").Last.InnerTextAsync()).Value;
        await AssertInViewAsync(citizen, citizen.GetByText("Mã theo dõi: " + code));
        await Screenshot(citizen, "petition");

        var petition = Bot.Get<PetitionBook>().Get(code)!;
        Assert.StartsWith("web:", Assert.Single(petition.Photos), StringComparison.Ordinal);
        Assert.Equal((19.8071, 105.7852), (Math.Round(petition.Latitude!.Value, 4), Math.Round(petition.Longitude!.Value, 4)));

        var officer = await Browser.OfficerAsync(Bot);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/petitions/" + code);
        var photo = officer.Locator($"img[alt='Ảnh 1 của đơn {code}']");
        await photo.ScrollIntoViewIfNeededAsync();
        await officer.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await photo.ElementHandleAsync());
        await ConsoleBrowser.ScreenshotAsync(officer, "webchat-console-photo");
    }

    [Fact]
    public async Task A_refused_location_is_explained_with_the_way_to_skip()
    {
        var citizen = await PhoneAsync(geolocation: false);
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        await WebChatSteps.PressAsync(citizen, "📮 Gửi kiến nghị, phản ánh", "Kiến nghị, phản ánh");
        await WebChatSteps.PressAsync(citizen, "Kiến nghị, phản ánh", "lĩnh vực nào");
        await WebChatSteps.PressAsync(citizen, "Môi trường, vệ sinh", "thôn nào");
        await WebChatSteps.PressAsync(citizen, "Thôn Hai", "trình bày nội dung");
        await WebChatSteps.SayAsync(citizen, Content, "có ảnh kèm theo");
        await WebChatSteps.PressAsync(citizen, "⏭️ Bỏ qua", "gửi vị trí nơi xảy ra sự việc");

        await citizen.GetByRole(AriaRole.Button, new() { Name = "📍 Gửi vị trí" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "✅ Đồng ý, gửi vị trí" }).ClickAsync();
        await citizen.GetByText("Trình duyệt chưa được phép lấy vị trí").WaitForAsync();
        await citizen.GetByText("hoặc bấm \"⏭ Bỏ qua\"").First.WaitForAsync();

        await WebChatSteps.PressAsync(citizen, "⏭ Bỏ qua", "để lại họ tên, số điện thoại");
    }

    [Fact]
    public async Task A_reload_mid_flow_keeps_the_citizens_words_and_disables_spent_buttons()
    {
        var citizen = await PhoneAsync(geolocation: false);
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        await WebChatSteps.PressAsync(citizen, "📮 Gửi kiến nghị, phản ánh", "Kiến nghị, phản ánh");
        await WebChatSteps.PressAsync(citizen, "Kiến nghị, phản ánh", "lĩnh vực nào");
        await WebChatSteps.PressAsync(citizen, "Giao thông, điện, nước", "thôn nào");

        await citizen.ReloadAsync();
        await citizen.GetByText("Việc này ở thôn nào?").WaitForAsync();

        Assert.Equal(["📮 Gửi kiến nghị, phản ánh", "Kiến nghị, phản ánh", "Giao thông, điện, nước"], await citizen.Locator(".msg.me").AllInnerTextsAsync());
        Assert.True(await citizen.GetByRole(AriaRole.Button, new() { Name = "Đất đai, xây dựng" }).IsDisabledAsync());
        Assert.True(await citizen.GetByRole(AriaRole.Button, new() { Name = "Thôn Một" }).IsEnabledAsync());
        Assert.Equal(0, await SpentButtonsStillLiveAsync(citizen));
        await Screenshot(citizen, "reload");

        await WebChatSteps.PressAsync(citizen, "Thôn Một", "trình bày nội dung");

        // On a touch screen Enter starts a new line; "Gửi" sends.
        var box = citizen.GetByLabel("Tin nhắn");
        await box.FillAsync(Content);
        await box.PressAsync("Enter");
        await box.PressSequentiallyAsync("Xin cảm ơn xã.");
        Assert.Equal(Content + "\nXin cảm ơn xã.", await box.InputValueAsync());
        Assert.True((await box.BoundingBoxAsync())!.Height > 60, "the box grows with the text");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();
        await citizen.GetByText("có ảnh kèm theo").Last.WaitForAsync();
        Assert.EndsWith("\nXin cảm ơn xã.", await citizen.Locator(".msg.me").Last.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_came_while_the_citizen_was_away_is_counted_in_a_badge_and_the_title()
    {
        var context = await PhoneContextAsync(geolocation: false);
        var citizen = await context.NewPageAsync();
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        await WebChatSteps.PressAsync(citizen, "📮 Gửi kiến nghị, phản ánh", "Kiến nghị, phản ánh");
        await WebChatSteps.PressAsync(citizen, "Kiến nghị, phản ánh", "lĩnh vực nào");
        await WebChatSteps.PressAsync(citizen, "Giao thông, điện, nước", "thôn nào");
        await WebChatSteps.PressAsync(citizen, "Thôn Một", "trình bày nội dung");
        await WebChatSteps.SayAsync(citizen, Content, "có ảnh kèm theo");
        await WebChatSteps.PressAsync(citizen, "⏭️ Bỏ qua", "gửi vị trí");
        await WebChatSteps.PressAsync(citizen, "⏭ Bỏ qua", "ẩn danh");
        await WebChatSteps.PressAsync(citizen, "🕶 Gửi ẩn danh", "xác nhận gửi đơn");
        await WebChatSteps.PressAsync(citizen, "✅ Có", "đã tiếp nhận đơn");
        var code = CodePattern().Match(await citizen.GetByText("Mã theo dõi").Last.InnerTextAsync()).Value;
        Assert.True(await citizen.Locator("#notice").IsHiddenAsync());
        await citizen.CloseAsync();

        var officer = await Browser.OfficerAsync(Bot);
        await officer.GotoAsync(Bot.BaseUrl + "/officer/petitions/" + code);
        await officer.Locator("#progress").ClickAsync();
        await officer.GetByText("Công dân đã được báo.").WaitForAsync();

        citizen = await context.NewPageAsync();
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText($"Đơn {code}: Đang xem xét, giải quyết").WaitForAsync();
        var notice = citizen.Locator("#notice");
        await notice.WaitForAsync();
        var count = NoticePattern().Match(await notice.InnerTextAsync());
        Assert.True(count.Success && int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, await notice.InnerTextAsync());
        Assert.StartsWith($"({count.Groups[1].Value}) ", await citizen.TitleAsync(), StringComparison.Ordinal);
        await Screenshot(citizen, "notice");

        await notice.ClickAsync();
        await citizen.Locator("#notice").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.False((await citizen.TitleAsync()).StartsWith('('));

        // Seen is remembered: the next visit shows no badge.
        await citizen.ReloadAsync();
        await citizen.GetByText($"Đơn {code}: Đang xem xét, giải quyết").WaitForAsync();
        Assert.True(await citizen.Locator("#notice").IsHiddenAsync());
    }

    [Fact]
    public async Task A_main_menu_after_a_result_folds_into_one_button_and_short_buttons_sit_in_a_grid()
    {
        var citizen = await PhoneAsync(geolocation: false);
        // The page against a scripted reply: a result, then the main menu ("menu:" buttons); then a slot grid (Columns = 3).
        object Menu(long id) => new { id, text = "Ông/bà cần gì tiếp theo?", buttons = new[] { B("🔎 Tra cứu hồ sơ", "menu:lookup"), B("📅 Đặt lịch tiếp công dân", "menu:booking"), B("📮 Gửi kiến nghị, phản ánh", "menu:petition"), B("❓ Hỏi cán bộ xã", "menu:ask") }, file = (object?)null };
        var replies = new Queue<object[]>([
            [new { id = 1L, text = "Kính chào ông/bà", buttons = new[] { B("🔎 Tra cứu hồ sơ", "menu:lookup") }, file = (object?)null }],
            [new { id = 2L, text = "📄 Hồ sơ HS-DEMO-0001\nTrạng thái: Đã có kết quả.\nMã lịch hẹn: LH-46JYX6", buttons = Array.Empty<object>(), file = (object?)null }, Menu(3)],
            [new { id = 4L, text = "Xin chọn giờ:", columns = 3, buttons = new[] { B("07:30", "t|1"), B("08:00", "t|2"), B("08:30", "t|3"), B("09:00", "t|4") }, file = (object?)null }],
        ]);
        await citizen.RouteAsync("**/api/chat/**", route => route.Request.Url.Contains("/start", StringComparison.Ordinal)
            ? route.FulfillAsync(new() { Json = new { conversationId = "x" } })
            : route.Request.Method == "POST" && replies.Count > 0 ? route.FulfillAsync(new() { Json = replies.Dequeue() }) : route.FulfillAsync(new() { Json = Array.Empty<object>() }));
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();

        await citizen.GetByRole(AriaRole.Button, new() { Name = "🔎 Tra cứu hồ sơ" }).ClickAsync();
        await citizen.GetByText("📄 Hồ sơ HS-DEMO-0001").WaitForAsync();
        var fold = citizen.GetByRole(AriaRole.Button, new() { Name = "☰ Xem các việc khác" });
        await fold.WaitForAsync();
        Assert.True(await citizen.GetByRole(AriaRole.Button, new() { Name = "📅 Đặt lịch tiếp công dân" }).IsHiddenAsync());
        await AssertInViewAsync(citizen, citizen.GetByText("Mã lịch hẹn: LH-46JYX6"));
        await Screenshot(citizen, "folded-menu");

        await fold.ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "📅 Đặt lịch tiếp công dân" }).WaitForAsync();
        // Main-menu buttons work from an older message: the greeting's stays live.
        Assert.True(await citizen.GetByRole(AriaRole.Button, new() { Name = "🔎 Tra cứu hồ sơ" }).First.IsEnabledAsync());

        await citizen.GetByRole(AriaRole.Button, new() { Name = "📅 Đặt lịch tiếp công dân" }).ClickAsync();
        await citizen.GetByText("Xin chọn giờ:").WaitForAsync();
        var first = await citizen.GetByRole(AriaRole.Button, new() { Name = "07:30" }).BoundingBoxAsync();
        var third = await citizen.GetByRole(AriaRole.Button, new() { Name = "08:30" }).BoundingBoxAsync();
        var fourth = await citizen.GetByRole(AriaRole.Button, new() { Name = "09:00" }).BoundingBoxAsync();
        Assert.Equal(first!.Y, third!.Y);
        Assert.True(fourth!.Y > first.Y);
        await Screenshot(citizen, "grid");
    }

    [Fact]
    public async Task Two_lookups_in_a_row_answer_each_code_and_a_question_is_answered_from_the_guide_without_an_officer()
    {
        var citizen = await PhoneAsync(geolocation: false);
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        Assert.Equal(0, await citizen.GetByRole(AriaRole.Button, new() { Name = "☰ Xem các việc khác" }).CountAsync()); // the greeting's menu stays open

        await WebChatSteps.PressAsync(citizen, "🔎 Tra cứu hồ sơ", "Mời ông/bà nhập mã hồ sơ");
        await WebChatSteps.SayAsync(citizen, "hs-demo-0001", "📄 Hồ sơ HS-DEMO-0001");
        // Another code straight after a result is looked up at once; a resolved one says where to collect it.
        await WebChatSteps.SayAsync(citizen, "HS-DEMO-0004", "📄 Hồ sơ HS-DEMO-0004");
        var second = citizen.Locator(".msg.bot", new() { HasText = "📄 Hồ sơ HS-DEMO-0004" });
        var text = await second.InnerTextAsync();
        Assert.Contains("Bộ phận Tiếp nhận và trả kết quả", text, StringComparison.Ordinal);
        Assert.Contains("Thôn Một, xã Thử Nghiệm", text, StringComparison.Ordinal);
        Assert.Contains("0237 3868 123", text, StringComparison.Ordinal);
        Assert.Equal(0, await citizen.GetByText("chưa hiểu").CountAsync());
        await AssertTopInViewAsync(citizen, second);
        await Screenshot(citizen, "two-lookups");

        // A main-menu button on the greeting, far up the page, still works.
        var guide = citizen.GetByRole(AriaRole.Button, new() { Name = "📚 Hướng dẫn thủ tục" }).First;
        await guide.ScrollIntoViewIfNeededAsync();
        Assert.True(await guide.IsEnabledAsync());
        await guide.ClickAsync();
        await citizen.GetByText("Đăng ký khai sinh").Last.WaitForAsync();
        Assert.Equal(0, await citizen.GetByText("hết hiệu lực").CountAsync());

        // A question in the citizen's own words, without diacritics, is answered from the guide; no officer is asked.
        await WebChatSteps.SayAsync(citizen, "toi muon lam giay khai sinh cho con thi can giay to gi", "📋 Đăng ký khai sinh");
        var answer = await citizen.Locator(".msg.bot", new() { HasText = "📋 Đăng ký khai sinh" }).Last.InnerTextAsync();
        Assert.Contains("• Giấy tờ cần mang:", answer, StringComparison.Ordinal);
        Assert.Contains("• Căn cứ pháp lý:", answer, StringComparison.Ordinal);
        Assert.Empty(Bot.Get<QuestionBook>().Waiting());
        await Screenshot(citizen, "guide-answer");
    }

    private static object B(string label, string payload) => new { label, payload };

    /// <summary>On the phone's screen: below the sticky header and above the input bar.</summary>
    private static async Task AssertInViewAsync(IPage page, ILocator what)
    {
        var box = await what.BoundingBoxAsync();
        var header = await page.Locator("header").BoundingBoxAsync();
        var form = await page.Locator("#form").BoundingBoxAsync();
        Assert.True(box!.Y >= header!.Y + header.Height - 1 && box.Y + box.Height <= form!.Y + 1, $"y={box.Y}..{box.Y + box.Height}, header ends {header.Y + header.Height}, input bar starts {form!.Y}");
    }

    /// <summary>The top of a message is on the phone's screen, below the sticky header (a long result may run below the fold).</summary>
    private static async Task AssertTopInViewAsync(IPage page, ILocator what)
    {
        var box = await what.BoundingBoxAsync();
        var header = await page.Locator("header").BoundingBoxAsync();
        var form = await page.Locator("#form").BoundingBoxAsync();
        Assert.True(box!.Y >= header!.Y + header.Height - 1 && box.Y < form!.Y - 40, $"top at y={box.Y}, header ends {header.Y + header.Height}, input bar starts {form!.Y}");
    }

    /// <summary>Buttons not of the newest reply nor of the main menu that can still be pressed.</summary>
    private static Task<int> SpentButtonsStillLiveAsync(IPage page) => page.EvaluateAsync<int>("""
        () => { const entries = [...document.querySelectorAll('.entry')]; const last = entries[entries.length - 1];
          return entries.filter(e => e !== last).flatMap(e => [...e.querySelectorAll('.buttons button')])
            .filter(b => !b.disabled && !b.dataset.payload.startsWith('menu:')).length; }
        """);

    private async Task<IBrowserContext> PhoneContextAsync(bool geolocation) =>
        await Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = ConsoleBrowser.Phone, IsMobile = true, HasTouch = true, Locale = "vi-VN",
            Geolocation = new Geolocation { Latitude = 19.8071f, Longitude = 105.7852f },
            Permissions = geolocation ? ["geolocation"] : [],
        });

    private async Task<IPage> PhoneAsync(bool geolocation) => await (await PhoneContextAsync(geolocation)).NewPageAsync();

    private static async Task ChooseAsync(IPage page, string name, string type, byte[] content)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByText("📷 Gửi ảnh", new() { Exact = true }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
    }

    /// <summary>A real JPEG (the page itself), so the console's browser can draw it.</summary>
    private static Task<byte[]> ShotAsync(IPage page) => page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 50 });

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"citizenbot-webchat-{name}.png") });

    [GeneratedRegex("KN-[A-Z0-9]{6}")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^🔔 (\\d+) tin mới$")]
    private static partial Regex NoticePattern();
}
