using System.Net.Http.Json;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Telegram;

/// <summary>Whole conversations through the real Telegram.Bot client, the host's pipeline and LiteDB.</summary>
public sealed class TelegramConversationTests : TelegramScenario
{
    private const long Citizen = 5001;
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var imported = await ImportAsync("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,in_progress,");
        Assert.True(imported.IsSuccessStatusCode, $"The import answered {(int)imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> ImportAsync(string rows, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/officer/api/dossiers/import") { Content = new StringContent($"{Header}\n{rows}") };
        request.Headers.Add("X-Officer-Token", token ?? Bot.OfficerToken);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Start_registers_commands_greets_and_shows_the_menu()
    {
        Telegram.SendText(Citizen, "/start");

        var menu = await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");

        Assert.Contains(menu.Buttons, b => b.Text.Contains("Tra cứu hồ sơ", StringComparison.Ordinal));
        Assert.Contains("Kính chào", Telegram.Transcript(Citizen), StringComparison.Ordinal);
        Assert.Equal(["start", "menu", "huy", "trogiup"], Telegram.RegisteredCommands);
    }

    [Fact]
    public async Task Lookup_by_button_finds_the_dossier_and_the_pressed_keyboard_is_removed()
    {
        Telegram.SendText(Citizen, "/start");
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");

        Telegram.Press(Citizen, "Tra cứu hồ sơ");
        await Telegram.WaitForAsync(Citizen, "Mời ông/bà nhập mã hồ sơ");
        Telegram.SendText(Citizen, "hs 2411 0001");
        var details = await Telegram.WaitForAsync(Citizen, "📄 Hồ sơ HS-2411-0001");

        Assert.Contains("Đang giải quyết", details.Text, StringComparison.Ordinal);
        Assert.Contains("còn 3 ngày", details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", details.Text, StringComparison.Ordinal);
        Assert.Single(Telegram.AnsweredCallbacks);
        Assert.Single(Telegram.EditedMessages);
    }

    [Fact]
    public async Task Unknown_code_gets_a_polite_answer_with_retry_officer_and_menu_buttons()
    {
        Telegram.SendText(Citizen, "HS-0000-0000");

        var answer = await Telegram.WaitForAsync(Citizen, "không tìm thấy hồ sơ");

        Assert.Equal(["✏️ Nhập lại mã", "🙋 Hỏi cán bộ", "🏠 Về menu chính"], answer.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task Malformed_code_is_explained_with_the_expected_format()
    {
        Telegram.SendText(Citizen, "/start");
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Telegram.Press(Citizen, "Tra cứu hồ sơ");
        await Telegram.WaitForAsync(Citizen, "Mời ông/bà nhập mã hồ sơ");

        Telegram.SendText(Citizen, "mã của tôi là gì vậy");

        var retry = await Telegram.WaitForAsync(Citizen, "Mã hồ sơ chưa đúng dạng");
        Assert.Contains("HS-2411-0001", retry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follower_is_notified_once_after_an_import_changes_the_status()
    {
        await AskToFollowAsync();
        Telegram.SendText(Citizen, "5678");
        await Telegram.WaitForAsync(Citizen, "Đã đăng ký theo dõi");

        var response = await ImportAsync("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,resolved,2026-11-24");
        response.EnsureSuccessStatusCode();
        await Bot.RunFollowSweepAsync();
        await Bot.RunFollowSweepAsync();

        await Telegram.WaitForAsync(Citizen, "đã có kết quả");
        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("đã có kết quả", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_digits_do_not_follow_the_dossier()
    {
        await AskToFollowAsync();

        Telegram.SendText(Citizen, "0000");

        await Telegram.WaitForAsync(Citizen, "chưa khớp");
        Assert.False(Bot.Get<CitizenBot.Core.Dossiers.FollowBook>().IsFollowing("HS-2411-0001", new ChatAddress("telegram", "5001")));
    }

    [Fact]
    public async Task An_import_without_the_officer_token_is_refused()
    {
        var response = await ImportAsync("HS-2411-0009,X,Y,Z,0912345678,direct,2026-11-20,2026-11-27,received,", token: "wrong");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(Bot.Get<CitizenBot.Core.Dossiers.DossierBook>().Get("HS-2411-0009"));
    }

    [Fact]
    public async Task Group_chats_get_a_pointer_to_the_private_chat_and_no_dialog()
    {
        Telegram.SendText(-2002, "/start@citizen_test_bot", chatType: "group");
        Telegram.SendText(-2002, "hello everyone", chatType: "group");

        await Telegram.WaitForAsync(-2002, "nhắn tin riêng");
        Assert.Single(Telegram.SentTo(-2002));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_dialog_resumes_at_the_same_step_without_replaying_updates()
    {
        await AskToFollowAsync();

        await RestartBotAsync();
        Telegram.SendText(Citizen, "5678");

        await Telegram.WaitForAsync(Citizen, "Đã đăng ký theo dõi hồ sơ HS-2411-0001");
        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("📄 Hồ sơ", StringComparison.Ordinal));
        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("4 số cuối", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_gateway_on_getUpdates_is_retried_and_the_bot_recovers()
    {
        Telegram.FailNext("getUpdates", 3, 502);
        Telegram.SendText(Citizen, "/start");

        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        await WaitUntilAsync(() => Telegram.Calls("getUpdates") >= 5);
        Telegram.SendText(Citizen, "menu");
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?", skip: 1);
    }

    [Fact]
    public async Task A_long_retry_after_on_one_chat_waits_in_the_outbox_without_blocking_other_chats()
    {
        Telegram.FailNext("sendMessage", 1, 429, retryAfter: 120);
        Telegram.SendText(Citizen, "/start");
        await WaitUntilAsync(() => Bot.Get<Outbox>().All().Any(m => m.Error?.Contains("429", StringComparison.Ordinal) == true));

        Telegram.SendText(6002, "/start");
        await Telegram.WaitForAsync(6002, "Ông/bà cần giúp gì?");
        Assert.Empty(Telegram.SentTo(Citizen));

        Bot.Clock.Advance(TimeSpan.FromSeconds(121));
        await Bot.RunOutboxDispatchAsync();

        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("Kính chào", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_retry_after_is_honoured_by_the_outbox_and_the_message_arrives_once()
    {
        Telegram.FailNext("sendMessage", 1, 429, retryAfter: 1);
        Telegram.SendText(Citizen, "/start");
        await WaitUntilAsync(() => Bot.Get<Outbox>().All().Any(m => m.Error?.Contains("429", StringComparison.Ordinal) == true));
        Assert.Empty(Telegram.SentTo(Citizen));

        Bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("Kính chào", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_gateway_on_send_is_retried_by_the_dispatch_sweep()
    {
        Telegram.FailNext("sendMessage", 1, 502);
        Telegram.SendText(Citizen, "/start");
        await WaitUntilAsync(() => Bot.Get<Outbox>().All().Any(m => m.Error?.Contains("502", StringComparison.Ordinal) == true));

        Bot.Clock.Advance(TimeSpan.FromSeconds(10));
        await Bot.RunOutboxDispatchAsync();

        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("Kính chào", StringComparison.Ordinal));
    }

    /// <summary>Looks up the dossier by code and presses "follow", up to the question about the phone digits.</summary>
    private async Task AskToFollowAsync()
    {
        Telegram.SendText(Citizen, "HS-2411-0001");
        await Telegram.WaitForAsync(Citizen, "📄 Hồ sơ HS-2411-0001");
        Telegram.Press(Citizen, "Theo dõi hồ sơ này");
        await Telegram.WaitForAsync(Citizen, "4 số cuối");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never became true.");
            await Task.Delay(20);
        }
    }
}
