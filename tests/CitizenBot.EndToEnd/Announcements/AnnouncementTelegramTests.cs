using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Announcements;

/// <summary>A village group registered, a citizen subscribed, an officer composing and the delivery report, all through Telegram.</summary>
public sealed class AnnouncementTelegramTests : TelegramScenario
{
    private const long Officer = 9201;
    private const long Citizen = 7201;
    private const long GroupOne = -2001;
    private const long GroupTwo = -2002;
    private const string Text = "Thông báo: 7 giờ sáng Chủ nhật 29/11/2026, Thôn Một tổng vệ sinh đường làng.";

    private async Task<SentMessage> AsAsync(long chat, long from, string command, string expected, string chatType = "supergroup")
    {
        var before = Telegram.SentTo(chat).Count(m => m.Text.Contains(expected, StringComparison.Ordinal));
        Telegram.SendText(chat, command, chatType, from);
        return await Telegram.WaitForAsync(chat, expected, skip: before);
    }

    [Fact]
    public async Task An_officer_sends_an_announcement_to_one_village_and_gets_the_delivery_report()
    {
        await AsAsync(RunningBot.OfficersChat, RunningBot.AdminId, $"/capquyen {Officer} canbo", "Đã cấp quyền");

        // The bot is added to the groups; a villager cannot register them, an officer can.
        Telegram.BotMembership(GroupOne, Officer, "left", "member");
        await Telegram.WaitForAsync(GroupOne, "/dangkython");
        await AsAsync(GroupOne, 5555, "/dangkython Thôn Một", "chỉ dành cho người có quyền");
        await AsAsync(GroupOne, Officer, "/dangkython Thôn Một", "đã được đăng ký nhận thông báo của UBND xã cho Thôn Một");
        await AsAsync(GroupTwo, Officer, "/dangkython Thôn Hai", "cho Thôn Hai");

        // A citizen subscribes in private.
        Telegram.SendText(Citizen, "/start");
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Telegram.Press(Citizen, "Nhận thông báo của thôn");
        await Telegram.WaitForAsync(Citizen, "chưa đăng ký nhận thông báo");
        Telegram.Press(Citizen, "Thôn Một");
        await Telegram.WaitForAsync(Citizen, "Đã đăng ký nhận thông báo của Thôn Một");

        // The officer composes in private; the citizen has blocked the bot since subscribing.
        await AsAsync(Officer, Officer, "/thongbao", "Soạn thông báo", "private");
        Telegram.Press(Officer, "Bỏ qua");
        await Telegram.WaitForAsync(Officer, "Nhập nội dung thông báo");
        Telegram.SendText(Officer, Text);
        await Telegram.WaitForAsync(Officer, "Gửi tới thôn nào");
        Telegram.Press(Officer, "Thôn Một");
        await Telegram.WaitForAsync(Officer, "Gửi tới thôn nào", skip: 1);
        Telegram.Press(Officer, "Xong");
        var preview = await Telegram.WaitForAsync(Officer, "Xem trước thông báo");
        Assert.Contains("2 nơi nhận", preview.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Telegram.SentTo(GroupOne), m => m.Text.Contains(Text, StringComparison.Ordinal));
        Telegram.Block(Citizen);
        Telegram.Press(Officer, "Có");
        await Telegram.WaitForAsync(Officer, "Đang gửi thông báo");

        await Telegram.WaitForAsync(GroupOne, Text);

        // The report goes with the outbox job once no delivery is left under way.
        var outbox = Bot.Get<CitizenBot.Core.Messaging.Outbox>();
        await WaitUntilAsync(() => outbox.WithKeyPrefix("announcement:").All(d => d.Status is CitizenBot.Core.Messaging.OutboxStatus.Sent or CitizenBot.Core.Messaging.OutboxStatus.Failed));
        await Bot.RunOutboxDispatchAsync();
        var report = await Telegram.WaitForAsync(Officer, "Báo cáo gửi thông báo");
        Assert.Contains("Đã gửi: 1", report.Text, StringComparison.Ordinal);
        Assert.Contains("Không gửi được: 1", report.Text, StringComparison.Ordinal);
        Assert.Contains("chặn", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Telegram.SentTo(GroupTwo), m => m.Text.Contains(Text, StringComparison.Ordinal));
        Assert.Single(Telegram.SentTo(GroupOne), m => m.Text.Contains(Text, StringComparison.Ordinal));
        Assert.DoesNotContain(Telegram.SentTo(Citizen), m => m.Text.Contains(Text, StringComparison.Ordinal));

        // The same report on request; a citizen may not ask for it.
        await AsAsync(Officer, Officer, "/baocaotb", "Báo cáo gửi thông báo", "private");
        await AsAsync(GroupTwo, 5555, "/baocaotb", "chỉ dành cho người có quyền");
    }

    [Fact]
    public async Task A_group_that_removes_the_bot_no_longer_receives_announcements()
    {
        await AsAsync(GroupOne, RunningBot.AdminId, "/dangkython Thôn Một", "cho Thôn Một");
        Telegram.BotMembership(GroupOne, 5555, "member", "kicked");
        await WaitUntilAsync(() => Bot.Get<CitizenBot.Core.Announcements.AnnouncementBook>().Recipients([]).Count == 0);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(20);
        }
    }
}
