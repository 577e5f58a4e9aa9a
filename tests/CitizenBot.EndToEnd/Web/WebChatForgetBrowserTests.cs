using System.Text.RegularExpressions;
using CitizenBot.Channels.Web;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Web;

/// <summary>
/// The web chat on a shared phone or computer (390×844, touch): "🧹 Xóa khỏi máy này" asks first, then leaves nothing of
/// the conversation in the browser; "Không" keeps everything; an erasure through "Dữ liệu của tôi" drops the citizen's
/// words from the browser at once.
/// </summary>
public sealed partial class WebChatForgetBrowserTests() : ConsoleTestHost(seedDemo: true)
{
    private const string Forget = "🧹 Xóa khỏi máy này";

    [Fact]
    public async Task Forgetting_on_this_device_asks_first_then_a_reload_brings_nothing_of_the_conversation_back()
    {
        var citizen = await PhoneAsync();
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        await WebChatSteps.PressAsync(citizen, "📅 Đặt lịch tiếp công dân", "còn 13 chỗ");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Thứ Năm, 10/12/2026 · còn 13 chỗ" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "08:30–09:00" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Chế độ, chính sách xã hội" }).ClickAsync();
        await WebChatSteps.SayAsync(citizen, "Hỏi về chế độ người cao tuổi", "họ và tên");
        await WebChatSteps.SayAsync(citizen, "Trần Thị Bình", "số điện thoại để cán bộ liên hệ");
        await WebChatSteps.SayAsync(citizen, "0987 654 321", "kiểm tra lại thông tin đặt lịch");
        await WebChatSteps.PressAsync(citizen, "✅ Có", "Đã đặt lịch thành công");
        var code = BookingCode().Match(await citizen.GetByText("Mã lịch hẹn").Last.InnerTextAsync()).Value;
        var oldId = await StoredAsync(citizen, "citizenbot.conversation");
        Assert.NotNull(oldId);
        Assert.Contains("Trần Thị Bình", await StoredAsync(citizen, "citizenbot.mine." + oldId), StringComparison.Ordinal);

        await citizen.GetByRole(AriaRole.Button, new() { Name = Forget }).First.ClickAsync();
        var sheet = citizen.GetByRole(AriaRole.Dialog, new() { Name = "Xóa cuộc trò chuyện khỏi máy này?" });
        await sheet.WaitForAsync();
        await sheet.GetByText("vẫn được UBND xã giữ và giải quyết bình thường").WaitForAsync();
        await sheet.GetByText("kể cả lời nhắc lịch hẹn").WaitForAsync();
        Assert.Contains(code, await sheet.Locator("#forget-codes").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await sheet.GetByRole(AriaRole.Button, new() { Name = "Không, quay lại" }).EvaluateAsync<bool>("b => b === document.activeElement"));
        await ScreenshotAsync(citizen, "forget-confirm");

        await sheet.GetByRole(AriaRole.Button, new() { Name = Forget }).ClickAsync();
        await citizen.GetByText("Đã xóa cuộc trò chuyện trước khỏi máy này").WaitForAsync();
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        Assert.True(await sheet.IsHiddenAsync());
        await AssertNothingOfAsync(citizen, oldId, code);
        await ScreenshotAsync(citizen, "forget-fresh");

        await citizen.ReloadAsync();
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        Assert.Equal(1, await citizen.GetByText("Kính chào ông/bà").CountAsync());
        await AssertNothingOfAsync(citizen, oldId, code);
        // Only the browser forgot: the commune still holds the booking and the conversation's messages (its reminders).
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        Assert.Contains(code, await http.GetStringAsync($"/api/chat/{oldId}/messages?after=0"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saying_no_to_forgetting_keeps_the_whole_conversation()
    {
        var citizen = await LookedUpAsync();
        var id = await StoredAsync(citizen, "citizenbot.conversation");

        var opener = citizen.GetByRole(AriaRole.Button, new() { Name = Forget }).First;
        await opener.ClickAsync();
        var sheet = citizen.GetByRole(AriaRole.Dialog);
        await sheet.GetByText("HS-DEMO-0001").WaitForAsync();

        // While it asks, Tab goes round its two buttons only: the page behind is inert.
        foreach (var key in new[] { "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab" })
        {
            await citizen.Keyboard.PressAsync(key);
            Assert.True(await sheet.EvaluateAsync<bool>("s => s.contains(document.activeElement)"), $"{key} left the sheet");
        }

        await sheet.GetByRole(AriaRole.Button, new() { Name = "Không, quay lại" }).ClickAsync();
        Assert.True(await sheet.IsHiddenAsync());
        Assert.True(await opener.EvaluateAsync<bool>("b => b === document.activeElement"));

        // The keyboard's way out: Escape.
        await opener.PressAsync("Enter");
        await sheet.WaitForAsync();
        await citizen.Keyboard.PressAsync("Escape");
        Assert.True(await sheet.IsHiddenAsync());

        Assert.Equal(id, await StoredAsync(citizen, "citizenbot.conversation"));
        Assert.Contains("hs-demo-0001", await StoredAsync(citizen, "citizenbot.mine." + id), StringComparison.Ordinal);
        await citizen.ReloadAsync();
        await citizen.GetByText("📄 Hồ sơ HS-DEMO-0001").WaitForAsync();
        Assert.Equal(["🔎 Tra cứu hồ sơ", "hs-demo-0001"], await citizen.Locator(".msg.me").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Forgetting_in_one_tab_empties_the_other_tab_of_the_same_browser()
    {
        var citizen = await LookedUpAsync();
        var other = await citizen.Context.NewPageAsync();
        await other.GotoAsync(Bot.BaseUrl);
        await other.GetByText("📄 Hồ sơ HS-DEMO-0001").WaitForAsync();

        await citizen.GetByRole(AriaRole.Button, new() { Name = Forget }).First.ClickAsync();
        await citizen.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Forget }).ClickAsync();

        await other.GetByText("Cuộc trò chuyện đã được xóa khỏi máy này").WaitForAsync();
        Assert.Equal(0, await other.GetByText("HS-DEMO-0001").CountAsync());
        Assert.Equal(0, await other.GetByText("hs-demo-0001").CountAsync());
    }

    [Fact]
    public async Task An_erasure_through_my_data_drops_the_citizens_words_from_the_page_and_the_browser_at_once()
    {
        var citizen = await LookedUpAsync();
        var id = await StoredAsync(citizen, "citizenbot.conversation");

        await WebChatSteps.PressAsync(citizen, "🔒 Dữ liệu của tôi", "đang lưu");
        await WebChatSteps.PressAsync(citizen, "🗑 Xóa dữ liệu của tôi", "chắc chắn muốn xóa");
        await WebChatSteps.PressAsync(citizen, "✅ Có", "Đã xóa");

        // No reload: the erased words and answers are gone from the screen and from the browser's storage.
        Assert.Equal(0, await citizen.GetByText("hs-demo-0001").CountAsync());
        Assert.Equal(0, await citizen.GetByText("HS-DEMO-0001").CountAsync());
        Assert.Equal(0, await citizen.Locator(".msg.me").CountAsync());
        Assert.DoesNotContain("hs-demo-0001", await StoredAsync(citizen, "citizenbot.mine." + id) ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Dữ liệu của tôi", await StoredAsync(citizen, "citizenbot.mine." + id) ?? "", StringComparison.Ordinal);
        await ScreenshotAsync(citizen, "erased");

        // The conversation goes on: what is said after the erasure is kept as before.
        await WebChatSteps.PressAsync(citizen, "🔎 Tra cứu hồ sơ", "Mời ông/bà nhập mã hồ sơ");
        await citizen.ReloadAsync();
        await citizen.GetByText("Mời ông/bà nhập mã hồ sơ").WaitForAsync();
        Assert.Equal(["🔎 Tra cứu hồ sơ"], await citizen.Locator(".msg.me").AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_reload_of_a_long_conversation_keeps_the_words_said_after_its_first_hundred_messages()
    {
        var citizen = await PhoneAsync();
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        var id = (await StoredAsync(citizen, "citizenbot.conversation"))!;
        // Months of reminders and notices: more than the server gives in one answer.
        var to = new ChatAddress(WebChannelSender.ChannelName, id);
        Bot.Get<Outbox>().Enqueue([.. Enumerable.Range(1, 120).Select(i =>
            OutboxMessage.Create($"test-notice-{i}", to, new OutgoingMessage($"Thông báo thử số {i}."), Bot.Clock.GetUtcNow()))]);
        await citizen.GetByText("Thông báo thử số 120.").WaitForAsync();
        await WebChatSteps.PressAsync(citizen, "🔎 Tra cứu hồ sơ", "Mời ông/bà nhập mã hồ sơ");

        await citizen.ReloadAsync();

        await citizen.GetByText("Mời ông/bà nhập mã hồ sơ").WaitForAsync();
        Assert.Equal(["🔎 Tra cứu hồ sơ"], await citizen.Locator(".msg.me").AllInnerTextsAsync());
        Assert.Contains("Tra cứu hồ sơ", await StoredAsync(citizen, "citizenbot.mine." + id), StringComparison.Ordinal);
    }

    /// <summary>Neither the page nor the browser's storage holds anything of the forgotten conversation.</summary>
    private static async Task AssertNothingOfAsync(IPage page, string oldId, string code)
    {
        foreach (var words in new[] { "Trần Thị Bình", "0987 654 321", "Hỏi về chế độ người cao tuổi", code, "Đã đặt lịch thành công" })
        {
            Assert.True(await page.GetByText(words).CountAsync() == 0, words);
        }

        var storage = await page.EvaluateAsync<string[]>("() => Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k))");
        Assert.DoesNotContain(storage, s => s.Contains(oldId, StringComparison.Ordinal));
        Assert.DoesNotContain(storage, s => s.StartsWith("citizenbot.mine", StringComparison.Ordinal) && s.Contains("Trần Thị Bình", StringComparison.Ordinal));
        Assert.DoesNotContain(storage, s => s.StartsWith("citizenbot.mine", StringComparison.Ordinal) && !s.EndsWith("=[]", StringComparison.Ordinal));
    }

    /// <summary>What the phone's screen shows, saved as citizenbot-webchat-{name}.png in the temp folder for a person to look at.</summary>
    private static Task<byte[]> ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"citizenbot-webchat-{name}.png") });

    private static Task<string?> StoredAsync(IPage page, string key) => page.EvaluateAsync<string?>("k => localStorage.getItem(k)", key);

    /// <summary>A phone-sized page whose citizen has looked up the demo dossier HS-DEMO-0001.</summary>
    private async Task<IPage> LookedUpAsync()
    {
        var citizen = await PhoneAsync();
        await citizen.GotoAsync(Bot.BaseUrl);
        await citizen.GetByText("Kính chào ông/bà").WaitForAsync();
        await WebChatSteps.PressAsync(citizen, "🔎 Tra cứu hồ sơ", "Mời ông/bà nhập mã hồ sơ");
        await WebChatSteps.SayAsync(citizen, "hs-demo-0001", "📄 Hồ sơ HS-DEMO-0001");
        return citizen;
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = ConsoleBrowser.Phone, IsMobile = true, HasTouch = true, Locale = "vi-VN",
        });
        return await context.NewPageAsync();
    }

    [GeneratedRegex("LH-[A-Z0-9]{6}")]
    private static partial Regex BookingCode();
}
