using System.Text;
using CitizenBot.Core.Dossiers;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Summaries;

/// <summary>The leaders' summary and the letters through the real Telegram.Bot client.</summary>
public sealed class SummaryTelegramTests : TelegramScenario
{
    private const long Leader = 9301;
    private const long Officer = 9302;
    private const long Citizen = 7301;
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";

    private async Task GrantAsync(long user, string role)
    {
        var before = Telegram.SentTo(RunningBot.OfficersChat).Count(m => m.Text.Contains("Đã cấp quyền", StringComparison.Ordinal));
        Telegram.SendText(RunningBot.OfficersChat, $"/capquyen {user} {role}", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền", skip: before);
    }

    private void Import(string rows) => Bot.Get<DossierImporter>().Import(new StringReader($"{Header}\n{rows}"));

    [Fact]
    public async Task A_leader_asks_for_a_summary_and_gets_the_message_and_a_printable_file_an_officer_is_refused()
    {
        Import("HS-2611-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-02,2026-11-05,resolved,2026-11-04\n"
            + "HS-2611-0002,Chứng thực bản sao,Chứng thực,Bình,0912345679,online_full,2026-11-03,2026-11-04,resolved,2026-11-04");
        await GrantAsync(Leader, "lanhdao");
        await GrantAsync(Officer, "canbo");

        Telegram.SendText(RunningBot.OfficersChat, "/baocao 11/2026", "supergroup", Officer);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "chỉ dành cho người có quyền");

        Telegram.SendText(Leader, "/baocao 11/2026", "private", Leader);
        var text = await Telegram.WaitForAsync(Leader, "BÁO CÁO TỔNG HỢP THÁNG 11/2026");
        Assert.Contains("Tổng số hồ sơ đã tiếp nhận: 2 hồ sơ", text.Text, StringComparison.Ordinal);
        var file = await Telegram.WaitForAsync(Leader, "bản in");
        Assert.NotNull(file.Document);
        Assert.EndsWith(".html", file.Document.Value.Name, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", Encoding.UTF8.GetString(file.Document.Value.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_job_reaches_every_leader_and_the_leaders_chat_and_a_followed_birth_earns_one_letter()
    {
        await GrantAsync(Leader, "lanhdao");
        Import("HS-2611-0003,Đăng ký khai sinh,Hộ tịch,Lê Văn Cường,0912345670,direct,2026-11-20,2026-11-27,in_progress,");

        // The citizen follows the dossier; its resolution earns a congratulation, once.
        Telegram.SendText(Citizen, "HS-2611-0003");
        await Telegram.WaitForAsync(Citizen, "📄 Hồ sơ HS-2611-0003");
        Telegram.Press(Citizen, "Theo dõi hồ sơ này");
        await Telegram.WaitForAsync(Citizen, "4 số cuối");
        Telegram.SendText(Citizen, "5670");
        await Telegram.WaitForAsync(Citizen, "Đã đăng ký theo dõi");
        Import("HS-2611-0003,Đăng ký khai sinh,Hộ tịch,Lê Văn Cường,0912345670,direct,2026-11-20,2026-11-27,resolved,2026-11-24");
        await Bot.RunLettersAsync();
        await Bot.RunLettersAsync();
        var letter = await Telegram.WaitForAsync(Citizen, "THƯ CHÚC MỪNG");
        Assert.Contains("Kính gửi ông/bà Lê Văn Cường", letter.Text, StringComparison.Ordinal);

        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await Bot.RunMonthlySummaryAsync();
        await Bot.RunMonthlySummaryAsync();
        foreach (var chat in new[] { Leader, RunningBot.LeadersChat })
        {
            var summary = await Telegram.WaitForAsync(chat, "BÁO CÁO TỔNG HỢP THÁNG 11/2026");
            Assert.Contains("Thư chúc mừng đăng ký khai sinh: 1 thư", summary.Text, StringComparison.Ordinal);
            await Telegram.WaitForAsync(chat, "bản in");
        }

        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("THƯ CHÚC MỪNG", StringComparison.Ordinal));
        Assert.Single(Telegram.SentTo(Leader), m => m.Document is null && m.Text.Contains("BÁO CÁO TỔNG HỢP", StringComparison.Ordinal));
        Assert.Single(Telegram.SentTo(Leader), m => m.Document is not null);
    }
}
