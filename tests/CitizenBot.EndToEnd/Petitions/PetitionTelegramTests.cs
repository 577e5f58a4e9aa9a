using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Petitions;

/// <summary>Petitions through the real Telegram.Bot client: submitting, officers moving them on, and a denouncer's identity kept from the group.</summary>
public sealed class PetitionTelegramTests : TelegramScenario
{
    private const long Citizen = 7101;
    private const long Officer = 9101;
    private const long Leader = 9102;
    private const string Name = "Lê Thị Hoa";
    private const string Phone = "0977 333 444";
    private const string Content = "Đoạn đường liên thôn qua Thôn Hai bị sụt lún từ tháng trước, xe máy đi lại rất nguy hiểm, đề nghị xã sửa chữa.";

    private Task<string> SubmitAsync(string kind, string topic) => Telegram.SubmitPetitionAsync(Citizen, kind, topic, Name, Phone, Content);

    private async Task<SentMessage> InGroupAsync(string command, long from, string expected)
    {
        var before = Telegram.SentTo(RunningBot.OfficersChat).Count(m => m.Text.Contains(expected, StringComparison.Ordinal));
        Telegram.SendText(RunningBot.OfficersChat, command, "supergroup", from);
        return await Telegram.WaitForAsync(RunningBot.OfficersChat, expected, skip: before);
    }

    private async Task GrantAsync(long user, string role) => await InGroupAsync($"/capquyen {user} {role}", RunningBot.AdminId, "Đã cấp quyền");

    [Fact]
    public async Task A_petition_goes_from_the_citizen_to_the_officers_and_its_answer_comes_back_with_every_step()
    {
        await GrantAsync(Officer, "canbo");
        var code = await SubmitAsync("Kiến nghị", "Giao thông, điện, nước");
        Assert.StartsWith("KN-", code, StringComparison.Ordinal);

        var relay = await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đơn mới " + code);
        Assert.Contains("sụt lún", relay.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0977333444", relay.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        await InGroupAsync($"/giaodon {code} {Officer}", Officer, "Công dân đã được báo");
        await Telegram.WaitForAsync(Citizen, "Đã giao cán bộ");
        await InGroupAsync($"/xulydon {code}", Officer, "Công dân đã được báo");
        await InGroupAsync($"/traloidon {code} Xã đã bố trí kinh phí, sẽ sửa đoạn đường trong tháng 12.", Officer, "Công dân đã được báo");

        var answer = await Telegram.WaitForAsync(Citizen, "Kết quả giải quyết đơn " + code);
        Assert.Contains("sửa đoạn đường trong tháng 12", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Cán bộ Bộ phận Một cửa UBND xã", answer.Text, StringComparison.Ordinal);

        await Bot.RunRatingInvitationSweepAsync();
        await Telegram.WaitForAsync(Citizen, "hài lòng với sự phục vụ");

        Telegram.Press(Citizen, "Kiến nghị của tôi");
        var mine = await Telegram.WaitForAsync(Citizen, code + " – Kiến nghị");
        Assert.Contains("Đã có kết quả trả lời", mine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denouncers_identity_never_reaches_the_officers_group_and_only_a_leader_sees_it_in_private()
    {
        await GrantAsync(Officer, "canbo");
        await GrantAsync(Leader, "lanhdao");
        var code = await SubmitAsync("Tố cáo", "Cán bộ, công chức");
        Assert.StartsWith("TC-", code, StringComparison.Ordinal);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Có đơn tố cáo mới " + code);

        // An officer may not open it, and a leader may not open it in the group.
        await InGroupAsync($"/xemdon {code}", Officer, "lãnh đạo");
        await InGroupAsync($"/xemdon {code}", Leader, "trò chuyện riêng");
        await InGroupAsync("/don", Officer, code);
        await InGroupAsync($"/traloidon {code} Đã xác minh.", Officer, "lãnh đạo");

        // In private the leader sees the author and answers.
        Telegram.SendText(Leader, $"/xemdon {code}", "private", Leader);
        var details = await Telegram.WaitForAsync(Leader, code);
        Assert.Contains(Name, details.Text, StringComparison.Ordinal);
        Telegram.SendText(Leader, $"/traloidon {code} UBND xã đã xác minh và xử lý theo quy định.", "private", Leader);
        await Telegram.WaitForAsync(Citizen, "đã xác minh và xử lý theo quy định");

        var group = string.Join('\n', Telegram.SentTo(RunningBot.OfficersChat).Select(m => m.Text));
        Assert.DoesNotContain(Name, group, StringComparison.Ordinal);
        Assert.DoesNotContain("333444", group.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("sụt lún", group, StringComparison.Ordinal);
    }
}
