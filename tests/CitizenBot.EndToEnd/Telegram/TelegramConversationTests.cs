using System.Net.Http.Json;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Telegram;

/// <summary>Whole conversations through the real Telegram.Bot client, the host's pipeline and LiteDB.</summary>
public sealed class TelegramConversationTests : IAsyncLifetime
{
    private const long Citizen = 5001;
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly TempDataDir _dir = new();
    private FakeBotApiServer _telegram = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        _bot = await RunningBot.StartAsync(_dir.Path, _telegram);
        await ImportAsync("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,in_progress,");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _telegram.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<HttpResponseMessage> ImportAsync(string rows, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/officer/api/dossiers/import") { Content = new StringContent($"{Header}\n{rows}") };
        request.Headers.Add("X-Officer-Token", token ?? _bot.OfficerToken);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Start_registers_commands_greets_and_shows_the_menu()
    {
        _telegram.SendText(Citizen, "/start");

        var menu = await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");

        Assert.Contains(menu.Buttons, b => b.Text.Contains("Tra cứu hồ sơ", StringComparison.Ordinal));
        Assert.Contains("Kính chào", _telegram.Transcript(Citizen), StringComparison.Ordinal);
        Assert.Equal(["start", "menu", "huy", "trogiup"], _telegram.RegisteredCommands);
    }

    [Fact]
    public async Task Lookup_by_button_finds_the_dossier_and_the_pressed_keyboard_is_removed()
    {
        _telegram.SendText(Citizen, "/start");
        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");

        _telegram.Press(Citizen, "Tra cứu hồ sơ");
        await _telegram.WaitForAsync(Citizen, "Mời ông/bà nhập mã hồ sơ");
        _telegram.SendText(Citizen, "hs 2411 0001");
        var details = await _telegram.WaitForAsync(Citizen, "📄 Hồ sơ HS-2411-0001");

        Assert.Contains("Đang giải quyết", details.Text, StringComparison.Ordinal);
        Assert.Contains("còn 3 ngày", details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", details.Text, StringComparison.Ordinal);
        Assert.Single(_telegram.AnsweredCallbacks);
        Assert.Single(_telegram.EditedMessages);
    }

    [Fact]
    public async Task Unknown_code_gets_a_polite_answer_with_retry_officer_and_menu_buttons()
    {
        _telegram.SendText(Citizen, "HS-0000-0000");

        var answer = await _telegram.WaitForAsync(Citizen, "không tìm thấy hồ sơ");

        Assert.Equal(["✏️ Nhập lại mã", "🙋 Hỏi cán bộ", "🏠 Về menu chính"], answer.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task Malformed_code_is_explained_with_the_expected_format()
    {
        _telegram.SendText(Citizen, "/start");
        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        _telegram.Press(Citizen, "Tra cứu hồ sơ");
        await _telegram.WaitForAsync(Citizen, "Mời ông/bà nhập mã hồ sơ");

        _telegram.SendText(Citizen, "mã của tôi là gì vậy");

        var retry = await _telegram.WaitForAsync(Citizen, "Mã hồ sơ chưa đúng dạng");
        Assert.Contains("HS-2411-0001", retry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follower_is_notified_once_after_an_import_changes_the_status()
    {
        await AskToFollowAsync();
        _telegram.SendText(Citizen, "5678");
        await _telegram.WaitForAsync(Citizen, "Đã đăng ký theo dõi");

        var response = await ImportAsync("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,resolved,2026-11-24");
        response.EnsureSuccessStatusCode();
        await _bot.RunFollowSweepAsync();
        await _bot.RunFollowSweepAsync();

        await _telegram.WaitForAsync(Citizen, "đã có kết quả");
        Assert.Single(_telegram.SentTo(Citizen), m => m.Text.Contains("đã có kết quả", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_digits_do_not_follow_the_dossier()
    {
        await AskToFollowAsync();

        _telegram.SendText(Citizen, "0000");

        await _telegram.WaitForAsync(Citizen, "chưa khớp");
        Assert.False(_bot.Get<CitizenBot.Core.Dossiers.DossierFollows>().IsFollowing("HS-2411-0001", new ChatAddress("telegram", "5001")));
    }

    [Fact]
    public async Task An_import_without_the_officer_token_is_refused()
    {
        var response = await ImportAsync("HS-2411-0009,X,Y,Z,0912345678,direct,2026-11-20,2026-11-27,received,", token: "wrong");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(_bot.Get<CitizenBot.Core.Dossiers.DossierStore>().Get("HS-2411-0009"));
    }

    [Fact]
    public async Task Group_chats_get_a_pointer_to_the_private_chat_and_no_dialog()
    {
        _telegram.SendText(-2002, "/start@citizen_test_bot", chatType: "group");
        _telegram.SendText(-2002, "hello everyone", chatType: "group");

        await _telegram.WaitForAsync(-2002, "nhắn tin riêng");
        Assert.Single(_telegram.SentTo(-2002));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_dialog_resumes_at_the_same_step_without_replaying_updates()
    {
        await AskToFollowAsync();

        await _bot.DisposeAsync();
        _bot = await RunningBot.StartAsync(_dir.Path, _telegram);
        _telegram.SendText(Citizen, "5678");

        await _telegram.WaitForAsync(Citizen, "Đã đăng ký theo dõi hồ sơ HS-2411-0001");
        Assert.Single(_telegram.SentTo(Citizen), m => m.Text.Contains("📄 Hồ sơ", StringComparison.Ordinal));
        Assert.Single(_telegram.SentTo(Citizen), m => m.Text.Contains("4 số cuối", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_gateway_on_getUpdates_is_retried_and_the_bot_recovers()
    {
        _telegram.FailNext("getUpdates", 3, 502);
        _telegram.SendText(Citizen, "/start");

        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        await WaitUntilAsync(() => _telegram.Calls("getUpdates") >= 5);
        _telegram.SendText(Citizen, "menu");
        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?", skip: 1);
    }

    [Fact]
    public async Task A_long_retry_after_on_one_chat_waits_in_the_outbox_without_blocking_other_chats()
    {
        _telegram.FailNext("sendMessage", 1, 429, retryAfter: 120);
        _telegram.SendText(Citizen, "/start");
        await WaitUntilAsync(() => _bot.Get<Outbox>().All().Any(m => m.Error?.Contains("429", StringComparison.Ordinal) == true));

        _telegram.SendText(6002, "/start");
        await _telegram.WaitForAsync(6002, "Ông/bà cần giúp gì?");
        Assert.Empty(_telegram.SentTo(Citizen));

        _bot.Clock.Advance(TimeSpan.FromSeconds(121));
        await _bot.RunOutboxDispatchAsync();

        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Assert.Single(_telegram.SentTo(Citizen), m => m.Text.Contains("Kính chào", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_retry_after_is_honoured_by_the_client_and_the_message_arrives_once()
    {
        _telegram.FailNext("sendMessage", 1, 429, retryAfter: 1);
        _telegram.SendText(Citizen, "/start");

        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Assert.Single(_telegram.SentTo(Citizen), m => m.Text.Contains("Kính chào", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_gateway_on_send_is_retried_by_the_dispatch_sweep()
    {
        _telegram.FailNext("sendMessage", 1, 502);
        _telegram.SendText(Citizen, "/start");
        await WaitUntilAsync(() => _bot.Get<Outbox>().All().Any(m => m.Error?.Contains("502", StringComparison.Ordinal) == true));

        _bot.Clock.Advance(TimeSpan.FromSeconds(10));
        await _bot.RunOutboxDispatchAsync();

        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Assert.Single(_telegram.SentTo(Citizen), m => m.Text.Contains("Kính chào", StringComparison.Ordinal));
    }

    /// <summary>Looks up the dossier by code and presses "follow", up to the question about the phone digits.</summary>
    private async Task AskToFollowAsync()
    {
        _telegram.SendText(Citizen, "HS-2411-0001");
        await _telegram.WaitForAsync(Citizen, "📄 Hồ sơ HS-2411-0001");
        _telegram.Press(Citizen, "Theo dõi hồ sơ này");
        await _telegram.WaitForAsync(Citizen, "4 số cuối");
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
