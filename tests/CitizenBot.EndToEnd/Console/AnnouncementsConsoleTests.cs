using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace CitizenBot.EndToEnd.Console;

/// <summary>An officer without Telegram sends an announcement to one village from the console and reads its delivery report.</summary>
public sealed class AnnouncementsConsoleTests() : ConsoleTestHost()
{
    private HttpClient Http() => new() { BaseAddress = new Uri(Bot.BaseUrl) };

    /// <summary>A citizen in the web chat asks for Thôn Một's announcements, pressing the buttons the bot offers.</summary>
    private async Task<string> WebCitizenSubscribesAsync(HttpClient http, string village)
    {
        var start = await (await http.PostAsync("/api/chat/start", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = start.GetProperty("conversationId").GetString()!;
        var reply = await (await http.PostAsJsonAsync($"/api/chat/{id}/send", new { text = "nhận thông báo" })).Content.ReadFromJsonAsync<JsonElement>();
        var button = reply.EnumerateArray().SelectMany(m => m.GetProperty("buttons").EnumerateArray())
            .First(b => b.GetProperty("label").GetString()!.StartsWith(village, StringComparison.Ordinal));
        var done = await (await http.PostAsJsonAsync($"/api/chat/{id}/send", new { payload = button.GetProperty("payload").GetString() })).Content.ReadAsStringAsync();
        Assert.Contains("Đã đăng ký nhận thông báo của " + village, done, StringComparison.Ordinal);
        return id;
    }

    [Fact]
    public async Task An_officer_sends_to_one_village_from_the_checklist_and_its_subscribed_citizen_receives_it()
    {
        using var http = Http();
        var one = await WebCitizenSubscribesAsync(http, "Thôn Một");
        var two = await WebCitizenSubscribesAsync(http, "Thôn Hai");
        Bot.Get<AnnouncementBook>().RegisterGroup(new ChatAddress("telegram", "-5001"), "Thôn Hai", "test");

        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/announcements");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thông báo tới các thôn" }).WaitForAsync();
        // The checklist offers only the commune's villages, each with the chats it reaches.
        await page.GetByText("Thôn Một (1 nơi nhận: 0 nhóm, 1 người dân đăng ký)").WaitForAsync();
        await page.GetByText("Thôn Hai (2 nơi nhận: 1 nhóm, 1 người dân đăng ký)").WaitForAsync();
        await page.GetByText("Tất cả các thôn (3 nơi nhận)").WaitForAsync();

        // Nothing chosen: told next to the checklist, the text kept.
        await page.GetByLabel("Nội dung thông báo").FillAsync("Thông báo: 7 giờ sáng Chủ nhật 29/11 tổng vệ sinh đường làng Thôn Một.");
        await page.Locator("#preview").ClickAsync();
        await page.GetByText("Xin chọn ít nhất một thôn").WaitForAsync();
        Assert.Contains("tổng vệ sinh", await page.GetByLabel("Nội dung thông báo").InputValueAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Thôn Một" }).CheckAsync();
        await page.Locator("#preview").ClickAsync();
        var preview = await page.Locator("#preview-message").InnerTextAsync();
        Assert.StartsWith("📢 THÔNG BÁO CỦA UBND XÃ THỬ NGHIỆM", preview, StringComparison.Ordinal);
        Assert.Contains("tổng vệ sinh đường làng Thôn Một", preview, StringComparison.Ordinal);
        Assert.Equal("1", await page.Locator("#preview-recipients").InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "console-announcements-compose-desk");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("#send").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo gửi thông báo TB-1" }).WaitForAsync();
        Assert.Equal("1", await page.Locator("#total-recipients").InnerTextAsync());

        // Sent by the outbox (at once, or at the next dispatch); the report is fresh on every reload.
        await Bot.RunOutboxDispatchAsync();
        await page.ReloadAsync();
        Assert.Equal("1", await page.Locator("#total-delivered").InnerTextAsync());
        Assert.Contains("Đã gửi xong", await page.Locator("#report-state").InnerTextAsync(), StringComparison.Ordinal);
        var village = page.Locator("#by-village tbody tr");
        Assert.Equal(1, await village.CountAsync());
        Assert.Contains("Thôn Một", await village.InnerTextAsync(), StringComparison.Ordinal);
        await ConsoleBrowser.ScreenshotAsync(page, "console-announcements-report-desk");

        // The citizen of Thôn Một reads it in the web chat; the one of Thôn Hai does not.
        var received = await http.GetStringAsync($"/api/chat/{one}/messages");
        Assert.Contains("tổng vệ sinh đường làng Thôn Một", received, StringComparison.Ordinal);
        Assert.DoesNotContain("tổng vệ sinh", await http.GetStringAsync($"/api/chat/{two}/messages"), StringComparison.Ordinal);
        Assert.Single(Bot.Get<Outbox>().WithKeyPrefix("announcement:"));

        await page.GotoAsync(Bot.BaseUrl + "/officer/announcements");
        await page.Locator("#past-announcements").GetByText("TB-1").WaitForAsync();

        var phone = await Browser.OfficerAsync(Bot, ConsoleBrowser.Phone);
        await phone.GotoAsync(Bot.BaseUrl + "/officer/announcements");
        await ConsoleBrowser.ScreenshotAsync(phone, "console-announcements-compose-phone");
        await phone.GotoAsync(Bot.BaseUrl + "/officer/announcements/1");
        await ConsoleBrowser.ScreenshotAsync(phone, "console-announcements-report-phone");
    }

    [Fact]
    public async Task The_API_refuses_an_unknown_village_with_the_villages_there_are()
    {
        using var http = Http();
        await WebCitizenSubscribesAsync(http, "Thôn Một");
        http.DefaultRequestHeaders.Add("X-Officer-Token", Bot.OfficerToken);

        var response = await http.PostAsJsonAsync("/officer/api/announcements", new { text = "Thông báo lịch tiêm phòng cho trẻ em.", villages = new[] { "kim son" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Equal("Không có thôn: \"kim son\". Các thôn của xã: Thôn Một, Thôn Hai.", error);
        Assert.Empty(Bot.Get<AnnouncementBook>().Recent(10));

        var known = await http.PostAsJsonAsync("/officer/api/announcements", new { text = "Thông báo lịch tiêm phòng cho trẻ em.", villages = new[] { "thon mot" } });
        known.EnsureSuccessStatusCode();
        Assert.Equal(1, (await known.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recipients").GetInt32());
    }
}
