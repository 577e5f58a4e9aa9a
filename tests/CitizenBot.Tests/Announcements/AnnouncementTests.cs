using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Announcements;

public sealed class AnnouncementTests : IDisposable
{
    private const string OfficerId = "700";
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _officerChat = new("telegram", OfficerId);
    private readonly ChatAddress _groupOne = new("telegram", "-2001");
    private readonly ChatAddress _groupTwo = new("telegram", "-2002");

    public AnnouncementTests() => _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private Task<List<OutgoingMessage>> InGroupAsync(ChatAddress group, string text, string userId) =>
        _bot.TurnAsync(new TurnInput { Text = text, UserId = userId, InGroup = true }, group);

    private Task<List<OutgoingMessage>> AsOfficerAsync(string text) => _bot.TurnAsync(new TurnInput { Text = text, UserId = OfficerId }, _officerChat);

    private async Task<List<OutgoingMessage>> PressAsOfficerAsync(string label)
    {
        var button = _bot.Get<Outbox>().For(_officerChat.Key, 0, 1000).SelectMany(m => m.Buttons).Last(b => b.Label.Contains(label, StringComparison.Ordinal));
        return await _bot.TurnAsync(new TurnInput { Payload = button.Payload, UserId = OfficerId }, _officerChat);
    }

    private async Task RegisterGroupsAsync()
    {
        (await InGroupAsync(_groupOne, "/dangkython thon mot", OfficerId)).ShouldSay("đã được đăng ký nhận thông báo của UBND xã cho Thôn Một");
        await InGroupAsync(_groupTwo, "/dangkython Thôn Hai", OfficerId);
    }

    [Fact]
    public async Task Only_an_officer_registers_a_group_and_only_inside_the_group()
    {
        (await InGroupAsync(_groupOne, "/dangkython Thôn Một", "555")).ShouldSay("chỉ dành cho");
        (await AsOfficerAsync("/dangkython Thôn Một")).ShouldSay("dùng trong nhóm của thôn");
        (await InGroupAsync(_groupOne, "/dangkython Thôn Chín", OfficerId)).ShouldSay("Các thôn: Thôn Một, Thôn Hai, Thôn Ba");

        Assert.Empty(_bot.Get<AnnouncementBook>().Groups());
    }

    [Fact]
    public async Task A_citizen_subscribes_to_a_village_and_can_stop()
    {
        await _bot.SayAsync("menu");
        await _bot.PressAsync("Nhận thông báo của thôn");
        (await _bot.PressAsync("Thôn Hai")).ShouldSay("Đã đăng ký nhận thông báo của Thôn Hai");
        Assert.Equal(["Thôn Hai"], _bot.Get<AnnouncementBook>().SubscriptionsOf(_bot.Address));

        await _bot.SayAsync("nhận thông báo");
        (await _bot.PressAsync("Thôn Hai (bấm để ngừng nhận)")).ShouldSay("Đã ngừng gửi");
        Assert.Empty(_bot.Get<AnnouncementBook>().SubscriptionsOf(_bot.Address));
    }

    [Fact]
    public async Task An_officer_composes_previews_and_sends_to_the_chosen_villages_once_per_recipient()
    {
        await RegisterGroupsAsync();
        await _bot.SayAsync("menu");
        await _bot.PressAsync("Nhận thông báo của thôn");
        await _bot.PressAsync("Thôn Một");

        (await AsOfficerAsync("/thongbao")).ShouldSay("Có ảnh hoặc tệp");
        await PressAsOfficerAsync("Bỏ qua");
        await AsOfficerAsync("Lịch đối thoại với Nhân dân: 8 giờ sáng Chủ nhật 29/11 tại nhà văn hóa thôn.");
        await PressAsOfficerAsync("Thôn Một");
        var preview = await PressAsOfficerAsync("Xong");
        preview.ShouldSay("Gửi tới: Thôn Một – 2 nơi nhận");
        preview.ShouldSay("THÔNG BÁO CỦA UBND XÃ THỬ NGHIỆM");
        var sent = await PressAsOfficerAsync("✅ Có");

        sent.ShouldSay("Đang gửi thông báo TB-");
        var deliveries = _bot.Get<Outbox>().WithKeyPrefix("announcement:").ToList();
        Assert.Equal([_groupOne.Key, _bot.Address.Key], deliveries.Select(d => d.AddressKey).Order());
        Assert.All(deliveries, d => Assert.Contains("Lịch đối thoại", d.Text, StringComparison.Ordinal));
        Assert.Contains(_bot.Get<AuditLog>().Latest(5), e => e.Action == "announcements.publish");
    }

    [Fact]
    public async Task Choosing_all_villages_reaches_every_active_group_and_a_removed_group_is_skipped()
    {
        await RegisterGroupsAsync();
        _bot.Get<AnnouncementBook>().ChatLeft(_groupTwo);

        await AsOfficerAsync("/thongbao");
        await PressAsOfficerAsync("Bỏ qua");
        await AsOfficerAsync("Thông báo lịch tiêm phòng cho gia súc, gia cầm đợt 2.");
        (await PressAsOfficerAsync("Tất cả các thôn")).ShouldSay("tất cả các thôn – 1 nơi nhận");
        await PressAsOfficerAsync("✅ Có");

        Assert.Equal([_groupOne.Key], _bot.Get<Outbox>().WithKeyPrefix("announcement:").Select(d => d.AddressKey));
    }

    [Fact]
    public async Task A_photo_goes_with_the_announcement_by_its_channel_file_id()
    {
        await RegisterGroupsAsync();
        await AsOfficerAsync("/thongbao");
        await _bot.TurnAsync(new TurnInput { Attachments = [new InputAttachment("photo", "AgACphoto")], UserId = OfficerId }, _officerChat);
        (await AsOfficerAsync(new string('x', 1001))).ShouldSay("dài quá 1000 ký tự");
        await AsOfficerAsync("Ảnh: lịch cắt điện ngày 30/11.");
        await PressAsOfficerAsync("Thôn Một");
        await PressAsOfficerAsync("Xong");
        await PressAsOfficerAsync("✅ Có");

        var delivery = Assert.Single(_bot.Get<Outbox>().WithKeyPrefix("announcement:"));
        Assert.Equal("AgACphoto", delivery.File!.ChannelFileId);
    }

    [Fact]
    public async Task The_author_gets_one_report_with_delivered_failed_with_reason_and_pending()
    {
        await RegisterGroupsAsync();
        var board = _bot.Get<AnnouncementBook>();
        var announcement = board.Publish("Họp dân thôn lúc 19 giờ tối nay.", null, [], "telegram:" + OfficerId, _officerChat);
        var deliveries = _bot.Get<Outbox>().WithKeyPrefix(Announcement.DeliveryPrefix(announcement.Id)).ToList();
        var outbox = _bot.Get<Outbox>();
        var now = _bot.Clock.GetUtcNow();
        await outbox.TryClaimAsync(deliveries[0].Id, now);
        await outbox.CompleteAsync(deliveries[0].Id, SendOutcome.SentAs("1"), now, 8);

        Assert.False(board.ReportIfFinished(announcement.Id));
        Assert.Equal(1, board.Report(announcement).Pending);
        await outbox.TryClaimAsync(deliveries[1].Id, now);
        await outbox.CompleteAsync(deliveries[1].Id, SendOutcome.Fail("Forbidden: the bot was blocked by the user or removed from the group."), now, 8);
        Assert.True(board.ReportIfFinished(announcement.Id));
        Assert.False(board.ReportIfFinished(announcement.Id));

        var report = Assert.Single(outbox.For(_officerChat.Key, 0, 100), m => m.Key.StartsWith("announcement-report:", StringComparison.Ordinal));
        Assert.Contains("✅ Đã gửi: 1", report.Text, StringComparison.Ordinal);
        Assert.Contains("❌ Không gửi được: 1", report.Text, StringComparison.Ordinal);
        Assert.Contains("nhóm Thôn Hai: bot đã bị xóa khỏi nhóm hoặc bị người dùng chặn", report.Text, StringComparison.Ordinal);
        (await AsOfficerAsync("/baocaotb " + announcement.Code)).ShouldSay("Đã gửi: 1");
    }

    [Fact]
    public async Task A_citizen_cannot_compose_and_a_revoked_officer_cannot_finish()
    {
        (await _bot.TurnAsync(new TurnInput { Text = "/thongbao", UserId = "555" }, new ChatAddress("telegram", "555"))).ShouldSay("chỉ dành cho cán bộ");
        await RegisterGroupsAsync();
        await AsOfficerAsync("/thongbao");
        await PressAsOfficerAsync("Bỏ qua");
        await AsOfficerAsync("Thông báo thử nghiệm hệ thống loa.");
        await PressAsOfficerAsync("Thôn Một");
        await PressAsOfficerAsync("Xong");
        _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Citizen, BotHarness.AdminKey);

        (await PressAsOfficerAsync("✅ Có")).ShouldSay("chỉ dành cho cán bộ");
        Assert.Empty(_bot.Get<Outbox>().WithKeyPrefix("announcement:"));
    }
}
