using System.Text;
using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>
/// Every citizen flow on Zalo with the real host: booking with the phone from Zalo's form and the calendar file, a
/// petition with a photo and a location, a question answered by an officer, my data, a rating, and notices that wait
/// outside the free window (no quota, no templates) until the citizen writes again.
/// </summary>
public sealed partial class ZaloCitizenFlowTests : ZaloScenario
{
    private const string Citizen = "zu-2001";
    private const long OfficerId = 9002;

    private async Task MenuAsync(string user, int skip = 0)
    {
        var before = Zalo.SentTo(user).Count(m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal));
        await Zalo.SendTextAsync(user, "menu");
        await Zalo.WaitForAsync(user, "cần giúp gì", skip: Math.Max(skip, before));
    }

    private async Task<string> BookAsync(string user)
    {
        await MenuAsync(user);
        return await Zalo.BookAsync(user);
    }

    [Fact]
    public async Task A_citizen_books_with_the_phone_from_Zalos_form_and_receives_the_calendar_file()
    {
        var code = await BookAsync(Citizen);

        Assert.Matches("^LH-[A-Z0-9]{6}$", code);
        await Zalo.WaitForAsync(Citizen, "Tệp lịch");
        await WaitUntilAsync(() => Zalo.SentTo(Citizen).Any(m => m.FileToken is not null));
        var file = Zalo.SentTo(Citizen).Single(m => m.FileToken is not null);
        var (name, content) = Zalo.Uploads[file.FileToken!];
        Assert.Equal($"lich-hen-{code}.ics", name);
        Assert.Contains("BEGIN:VEVENT", Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        Assert.Single(Zalo.SentTo(Citizen), m => m.IsPhoneForm);
        Assert.All(Zalo.SentTo(Citizen), m => Assert.Equal("cs", m.Kind));
    }

    [Fact]
    public async Task A_petition_carries_a_photo_and_a_location_sent_from_Zalo()
    {
        await MenuAsync(Citizen);
        var (askLocation, summary) = await Zalo.PetitionAsync(Citizen, "https://photo-zalo.example/abc.jpg");
        Assert.Contains("bấm ⋯", askLocation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("📎", askLocation.Text, StringComparison.Ordinal);
        Assert.Contains("📍 Có vị trí kèm theo", summary.Text, StringComparison.Ordinal);

        var petition = Assert.Single(Bot.Get<CitizenBot.Core.Petitions.PetitionBook>().Open());
        Assert.Equal(["zalo:https://photo-zalo.example/abc.jpg"], petition.Photos);
        Assert.Equal(19.8071, petition.Latitude!.Value, 4);
    }

    [Fact]
    public async Task A_question_typed_on_Zalo_is_answered_by_an_officer_from_the_officers_chat()
    {
        Telegram.SendText(RunningBot.OfficersChat, $"/capquyen {OfficerId} canbo", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền");
        await Zalo.SendTextAsync(Citizen, "Xin hỏi khi nào xã chi trả trợ cấp người cao tuổi tháng này?");
        // The guide has no ready answer: the citizen is offered an officer and confirms.
        await Zalo.WaitForAsync(Citizen, "Ông/bà có muốn gửi câu hỏi cho cán bộ xã không?");
        await Zalo.PressAsync(Citizen, "Gửi câu hỏi cho cán bộ");
        await Zalo.WaitForAsync(Citizen, "đã chuyển tới cán bộ xã");
        var relay = await Telegram.WaitForAsync(RunningBot.OfficersChat, "trợ cấp người cao tuổi");

        Telegram.Reply(RunningBot.OfficersChat, OfficerId, relay.MessageId, "Xã chi trả vào ngày 5 hằng tháng tại nhà văn hóa thôn.");

        await Zalo.WaitForAsync(Citizen, "Xã chi trả vào ngày 5 hằng tháng");
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã gửi câu trả lời");
    }

    [Fact]
    public async Task My_data_on_Zalo_lists_what_the_commune_holds_and_downloads_it_as_a_file()
    {
        await BookAsync(Citizen);
        await MenuAsync(Citizen);
        await Zalo.PressAsync(Citizen, "Dữ liệu của tôi");
        var overview = await Zalo.WaitForAsync(Citizen, "Dữ liệu UBND xã đang lưu về ông/bà");
        Assert.Contains("Lịch hẹn", overview.Text, StringComparison.OrdinalIgnoreCase);

        await Zalo.PressAsync(Citizen, "Tải về (tệp)");
        await Zalo.WaitForAsync(Citizen, "Toàn bộ dữ liệu UBND xã đang lưu");
        await WaitUntilAsync(() => Zalo.Uploads.Values.Any(u => u.Name.EndsWith(".json", StringComparison.Ordinal)));
        var export = Zalo.Uploads.Values.Single(u => u.Name.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains("Nguyễn Văn An", Encoding.UTF8.GetString(export.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_outside_the_window_without_a_template_waits_and_comes_with_the_next_message()
    {
        await ImportAsync("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,in_progress,");
        await FollowAsync(Citizen);
        Bot.Clock.Advance(TimeSpan.FromDays(3));

        await ImportAsync("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,resolved,2026-11-26");
        await Bot.RunFollowSweepAsync();
        await OutboxSettledAsync();

        Assert.DoesNotContain(Zalo.SentTo(Citizen), m => m.Text.Contains("đã có kết quả", StringComparison.Ordinal));
        Assert.Empty(Zalo.Sent("promotion"));
        Assert.Empty(Zalo.Sent("zns"));
        var report = await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo");
        var waiting = Assert.Single(report.WaitingMessages);
        Assert.Equal("dossier", waiting.Kind);
        Assert.Equal(Citizen, waiting.User);

        await Zalo.SendTextAsync(Citizen, "menu");
        var notice = await Zalo.WaitForAsync(Citizen, "Ông/bà có 1 thông báo mới");
        var change = await Zalo.WaitForAsync(Citizen, "đã có kết quả");
        await Zalo.WaitForAsync(Citizen, "cần giúp gì", skip: 1);
        var sent = Zalo.SentTo(Citizen);
        Assert.True(sent.IndexOf(notice) < sent.IndexOf(change), "The notice count comes before the notices.");
        Assert.Single(sent, m => m.Text.Contains("đã có kết quả", StringComparison.Ordinal));
        await OutboxSettledAsync();
        Assert.Empty((await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo")).WaitingMessages);

        // Sent once: another message brings nothing again.
        await Zalo.SendTextAsync(Citizen, "menu");
        await Zalo.WaitForAsync(Citizen, "cần giúp gì", skip: 2);
        Assert.Single(Zalo.SentTo(Citizen), m => m.Text.Contains("đã có kết quả", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rating_invitation_after_the_reception_day_waits_for_the_citizen_who_then_rates_on_Zalo()
    {
        var code = await BookAsync(Citizen);
        Telegram.SendText(RunningBot.OfficersChat, $"/capquyen {OfficerId} canbo", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền cán bộ");
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));
        Telegram.SendText(RunningBot.OfficersChat, "/lichhen", "supergroup", OfficerId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Lịch tiếp công dân Thứ Năm, 10/12/2026");
        Telegram.Press(RunningBot.OfficersChat, code + " có mặt", OfficerId, "supergroup");
        await Telegram.WaitForAsync(RunningBot.OfficersChat, $"Đã ghi nhận {code}");

        await Bot.RunRatingInvitationSweepAsync();
        await OutboxSettledAsync();
        Assert.DoesNotContain(Zalo.SentTo(Citizen), m => m.Text.Contains("Ông/bà có hài lòng", StringComparison.Ordinal));

        await Zalo.SendTextAsync(Citizen, "xin chào");
        await Zalo.WaitForAsync(Citizen, "thông báo mới");
        var invitation = await Zalo.WaitForAsync(Citizen, "Ông/bà có hài lòng");
        Assert.Contains(code, invitation.Text, StringComparison.Ordinal);
        await Zalo.PressAsync(Citizen, "Rất hài lòng");
        await Zalo.WaitForAsync(Citizen, "góp ý thêm");
        await Zalo.SendTextAsync(Citizen, "Cán bộ tận tình");
        var thanks = await Zalo.WaitForAsync(Citizen, "THƯ CẢM ƠN");
        Assert.Contains(code, thanks.Text, StringComparison.Ordinal);
    }

    private async Task FollowAsync(string user)
    {
        await MenuAsync(user);
        await Zalo.PressAsync(user, "Tra cứu hồ sơ");
        await Zalo.WaitForAsync(user, "Mời ông/bà nhập mã hồ sơ");
        await Zalo.SendTextAsync(user, "HS-2411-0001");
        await Zalo.WaitForAsync(user, "📄 Hồ sơ HS-2411-0001");
        await Zalo.PressAsync(user, "Theo dõi");
        await Zalo.WaitForAsync(user, "4 số cuối");
        await Zalo.SendTextAsync(user, "5678");
        await Zalo.WaitForAsync(user, "Đã đăng ký theo dõi hồ sơ HS-2411-0001");
        await WaitUntilAsync(() => Bot.Get<CitizenBot.Channels.OutboxKicker>().Running == 0);
    }

    internal static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(20);
        }
    }
}
