using System.Net;
using System.Net.Http.Json;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Escalation;

/// <summary>A question relayed to the officers' group and answered by a Telegram reply, through the real client.</summary>
public sealed class OfficerAnswerTests : TelegramScenario
{
    private const long Citizen = 8001;
    private const long Officer = 9003;

    [Fact]
    public async Task An_officer_replying_to_the_relay_answers_the_citizen()
    {
        Telegram.SendText(RunningBot.OfficersChat, $"/capquyen {Officer} canbo", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền");
        Telegram.SendText(Citizen, "Xin hỏi khi nào xã chi trả trợ cấp người cao tuổi tháng này?");
        await Telegram.WaitForAsync(Citizen, "câu hỏi cho cán bộ");
        Telegram.Press(Citizen, "Gửi câu hỏi cho cán bộ");
        await Telegram.WaitForAsync(Citizen, "đã chuyển tới cán bộ xã");
        var relay = await Telegram.WaitForAsync(RunningBot.OfficersChat, "trợ cấp người cao tuổi");
        await RelayRecordedAsync();

        Telegram.Reply(RunningBot.OfficersChat, Officer, relay.MessageId, "Xã chi trả vào ngày 5 hằng tháng tại nhà văn hóa thôn.");

        var answer = await Telegram.WaitForAsync(Citizen, "Xã chi trả vào ngày 5 hằng tháng");
        Assert.Contains("Cán bộ Bộ phận Một cửa UBND xã", answer.Text, StringComparison.Ordinal);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã gửi câu trả lời");
    }

    [Fact]
    public async Task A_citizen_replying_in_the_officers_group_answers_nothing()
    {
        Telegram.SendText(Citizen, "Xin hỏi khi nào xã chi trả trợ cấp người cao tuổi tháng này?");
        await Telegram.WaitForAsync(Citizen, "câu hỏi cho cán bộ");
        Telegram.Press(Citizen, "Gửi câu hỏi cho cán bộ");
        var relay = await Telegram.WaitForAsync(RunningBot.OfficersChat, "trợ cấp người cao tuổi");
        await RelayRecordedAsync();

        Telegram.Reply(RunningBot.OfficersChat, 5555, relay.MessageId, "Tôi trả lời thay cán bộ");
        Telegram.SendText(RunningBot.OfficersChat, "/cauhoi", "supergroup", RunningBot.AdminId);
        var open = await Telegram.WaitForAsync(RunningBot.OfficersChat, "Câu hỏi đang chờ trả lời");

        Assert.Contains("trợ cấp người cao tuổi", open.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Telegram.SentTo(Citizen), m => m.Text.Contains("Tôi trả lời thay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Officers_answer_from_the_web_page_too()
    {
        Telegram.SendText(Citizen, "Xin hỏi khi nào xã chi trả trợ cấp người cao tuổi tháng này?");
        await Telegram.WaitForAsync(Citizen, "câu hỏi cho cán bộ");
        Telegram.Press(Citizen, "Gửi câu hỏi cho cán bộ");
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "trợ cấp người cao tuổi");
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Officer-Token", Bot.OfficerToken);
        var open = await http.GetFromJsonAsync<List<QuestionView>>("/officer/api/questions");
        var tag = Assert.Single(open!).Tag;

        var response = await http.PostAsJsonAsync($"/officer/api/questions/{tag}/answer", new { text = "Ngày 5 hằng tháng." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Telegram.WaitForAsync(Citizen, "Ngày 5 hằng tháng.");
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"/officer/api/questions/{tag}/answer", new { text = "Lần nữa" })).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/officer/api/questions")).StatusCode);
    }

    /// <summary>
    /// The fake server shows the relay before the bot has stored Telegram's message id for it; a reply in that instant
    /// would find no relay. Sending for the officers' chat takes the chat's lock, so once this returns the id is stored.
    /// </summary>
    private Task RelayRecordedAsync() =>
        Bot.Get<CitizenBot.Core.Messaging.OutboxDispatcher>().DispatchChatAsync($"telegram:{RunningBot.OfficersChat}", CancellationToken.None);

    private sealed record QuestionView(string Tag, string Text);
}
