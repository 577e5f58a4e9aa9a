using System.Text;
using CitizenBot.Core.Announcements;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Privacy;

/// <summary>A citizen's rights over their data (Law 91/2025/QH15): told at first contact, see, download, erase, withdraw; retention.</summary>
public sealed class MyDataTests : IDisposable
{
    private const string OfficerId = "702";
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _citizen = new("web", "d0000000000000000000000000000001");
    private readonly ChatAddress _neighbour = new("web", "d0000000000000000000000000000002");

    public MyDataTests() => _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    /// <summary>A booking, a followed dossier, a rating with a comment, a question, a subscription, an answered and an open petition.</summary>
    private async Task<(string Booking, string Answered, string Open)> GiveDataAsync(ChatAddress who, string slot = "07:30")
    {
        var booking = ReceptionSteps.CodeIn(await _bot.BookAsync(who, slot: slot));
        _bot.SeedDossier("HS-2411-0001", DossierStatus.InProgress, BotHarness.Start.AddDays(3));
        Assert.Equal(FollowResult.Followed, _bot.Get<FollowBook>().TryFollow("HS-2411-0001", who, "5678"));
        await _bot.SayAsync("menu", who);
        await _bot.PressAsync("Đánh giá sự phục vụ", who);
        await _bot.PressAsync("Hộ tịch", who);
        await _bot.PressAsync("Hài lòng", who);
        await _bot.SayAsync("Cán bộ Hạnh rất chu đáo", who);
        await _bot.SayAsync("Xin hỏi thủ tục cấp lại giấy khai sinh cần những gì ạ?", who);
        await _bot.PressAsync(GuideTexts.AskLabel, who);
        _bot.Get<AnnouncementBook>().Subscribe(who, "Thôn Một");
        var answered = await _bot.SubmitPetitionAsync(who, "Kiến nghị");
        await _bot.CommandAsync($"/traloidon {answered} Đã xử lý xong.", OfficerId);
        var open = await _bot.SubmitPetitionAsync(who, "Khiếu nại");
        return (booking, answered, open);
    }

    [Fact]
    public async Task The_first_contact_tells_what_is_kept_why_for_how_long_and_the_citizens_rights()
    {
        var first = await _bot.SayAsync("xin chào", _citizen);

        first.ShouldSay("Về dữ liệu cá nhân");
        first.ShouldSay("xóa sau 24 tháng");
        first.ShouldSay("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15");
        first.ShouldSay("Dữ liệu của tôi");
        first.ShouldOfferButton("Dữ liệu của tôi");
    }

    [Fact]
    public async Task A_citizen_sees_and_downloads_only_their_own_data()
    {
        var (booking, answered, _) = await GiveDataAsync(_citizen);
        await _bot.SayAsync("Xin hỏi lịch tiêm phòng cho trẻ ở thôn Hai thế nào ạ?", _neighbour);
        await _bot.PressAsync(GuideTexts.AskLabel, _neighbour);

        await _bot.SayAsync("menu", _citizen);
        var overview = await _bot.PressAsync("Dữ liệu của tôi", _citizen);
        overview.ShouldSay("Lịch hẹn tiếp công dân: 1");
        overview.ShouldSay("Kiến nghị, phản ánh, khiếu nại, tố cáo: 2");
        var details = await _bot.PressAsync("Xem chi tiết", _citizen);
        details.ShouldSay(booking);
        details.ShouldSay("0912345678");
        details.ShouldSay("Cán bộ Hạnh rất chu đáo");
        details.ShouldSay("Về: lượt đánh giá sự phục vụ của ông/bà");
        details.ShouldNotSay("rating:");
        Assert.DoesNotContain(details, m => m.Text.Contains("tiêm phòng", StringComparison.Ordinal));

        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Dữ liệu của tôi", _citizen);
        var file = Assert.Single(await _bot.PressAsync("Tải về", _citizen), m => m.File is not null).File!;
        var json = Encoding.UTF8.GetString(file.Content);
        Assert.EndsWith(".json", file.FileName, StringComparison.Ordinal);
        Assert.Contains(answered, json, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Bình", json, StringComparison.Ordinal);
        Assert.Contains("91/2025/QH15", json, StringComparison.Ordinal);
        Assert.DoesNotContain("tiêm phòng", json, StringComparison.Ordinal);
        foreach (var label in new[] { "\"Cơ quan\"", "\"Ngày xuất\"", "\"Căn cứ pháp lý\"", "\"Dữ liệu\"", "\"Mục\"", "\"Chi tiết\"" })
        {
            Assert.Contains(label, json, StringComparison.Ordinal);
        }

        foreach (var english in new[] { "\"Title\"", "\"Fields\"", "coQuan", "duLieu", "rating:" })
        {
            Assert.DoesNotContain(english, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Erasing_removes_the_citizens_data_keeps_a_petition_in_progress_and_touches_no_one_else()
    {
        var (booking, answered, open) = await GiveDataAsync(_citizen);
        await GiveDataAsync(_neighbour, slot: "08:00");

        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Dữ liệu của tôi", _citizen);
        (await _bot.PressAsync("Xóa dữ liệu", _citizen)).ShouldSay("chắc chắn muốn xóa");
        var done = await _bot.PressAsync("Có", _citizen);

        done.ShouldSay("Đã xóa");
        done.ShouldSay("1 đơn đang được giải quyết vẫn được giữ");
        Assert.Equal(BookingStatus.Cancelled, _bot.Get<ReceptionBook>().Get(booking)!.Status);
        Assert.Equal("", _bot.Get<ReceptionBook>().Get(booking)!.Phone);
        Assert.DoesNotContain(_bot.Get<FollowBook>().Active(), f => f.AddressKey == _citizen.Key);
        Assert.Equal("[đã xóa theo yêu cầu của người gửi]", _bot.Get<PetitionBook>().Get(answered)!.Content);
        Assert.NotNull(_bot.Get<PetitionBook>().Get(open)!.ContactPhone);
        Assert.Equal(0, _bot.Get<QuestionBook>().AskedSince(_citizen, DateTimeOffset.MinValue));
        Assert.DoesNotContain(_bot.Get<AnnouncementBook>().Recipients(["Thôn Một"]), a => a.Key == _citizen.Key);
        var office = _bot.Get<PrivacyOffice>();
        Assert.All(office.Collect(_citizen).Where(s => s.Section != "Kiến nghị, phản ánh, khiếu nại, tố cáo" && s.Section != "Tin nhắn trợ lý đã gửi ông/bà" && s.Section != "Cuộc trò chuyện"),
            s => Assert.Empty(s.Records));

        // The statistics keep their counts; the neighbour keeps everything.
        Assert.Equal(2, _bot.Get<RatingBook>().Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count());
        Assert.All(office.Collect(_neighbour).Where(s => s.Section != "Cuộc trò chuyện"), s => Assert.NotEmpty(s.Records));
        Assert.Contains(_bot.Get<AuditLog>().Latest(10), e => e.Action == "privacy.erase");
    }

    [Fact]
    public async Task Withdrawing_consent_erases_and_stops_every_message_to_the_citizen()
    {
        await GiveDataAsync(_citizen);
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Dữ liệu của tôi", _citizen);
        await _bot.PressAsync("Rút lại sự đồng ý", _citizen);
        (await _bot.PressAsync("Có", _citizen)).ShouldSay("không gửi thêm tin nhắn nào");

        // Nothing is left to remind, invite or announce to them.
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, _bot.Get<BookingReminderSweep>().Run());
        _bot.Get<AnnouncementBook>().Publish("Lịch tiêm phòng", null, ["Thôn Một"], "telegram:" + OfficerId, null);
        Assert.DoesNotContain(_bot.Get<Outbox>().All(), m => m.AddressKey == _citizen.Key && m.Text.Contains("tiêm phòng", StringComparison.Ordinal));
        Assert.Contains(_bot.Get<AuditLog>().Latest(10), e => e.Action == "privacy.withdraw");
    }

    [Fact]
    public async Task Data_older_than_the_retention_period_is_forgotten_by_the_daily_job()
    {
        var (booking, _, _) = await GiveDataAsync(_citizen);
        var outbox = _bot.Get<Outbox>();
        foreach (var message in outbox.All())
        {
            await outbox.CompleteAsync(message.Id, SendOutcome.SentAs("1"), _bot.Clock.GetUtcNow(), 5);
        }

        _bot.Clock.Advance(TimeSpan.FromDays(30 * 25));

        Assert.True(_bot.Get<RetentionSweep>().Run() > 0);

        Assert.Equal("", _bot.Get<ReceptionBook>().Get(booking)!.Name);
        Assert.Equal(0, _bot.Get<QuestionBook>().AskedSince(_citizen, DateTimeOffset.MinValue));
        Assert.Empty(_bot.Get<Outbox>().For(_citizen.Key, 0, 1000));
        Assert.Empty(_bot.Get<PrivacyOffice>().Collect(_citizen).Single(s => s.Section == "Cuộc trò chuyện").Records);
        Assert.Equal(0, _bot.Get<RetentionSweep>().Run());
    }
}
