using System.Net;
using System.Net.Http.Json;
using System.Text;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Reception;

/// <summary>Booking, officers' reception commands and ratings through the real Telegram.Bot client.</summary>
public sealed class ReceptionTelegramTests : TelegramScenario
{
    private const long Citizen = 6001;
    private const long Officer = 9002;

    /// <summary>
    /// One citizen's booking from the menu to the confirmation question. <paramref name="wait"/> bounds each reply's wait: fifty
    /// chats at once share Telegram's pace of 30 messages a second, so a reply can come well after the usual 15 seconds on a busy machine.
    /// </summary>
    private async Task UpToConfirmAsync(long chat, string slot = "07:30", TimeSpan? wait = null)
    {
        Telegram.SendText(chat, "/start");
        await Telegram.WaitForAsync(chat, "Ông/bà cần giúp gì?", timeout: wait);
        Telegram.Press(chat, "Đặt lịch tiếp công dân");
        await Telegram.WaitForAsync(chat, "Mời ông/bà chọn ngày", timeout: wait);
        Telegram.Press(chat, "10/12/2026");
        await Telegram.WaitForAsync(chat, "Mời ông/bà chọn giờ", timeout: wait);
        Telegram.Press(chat, slot + "–");
        await Telegram.WaitForAsync(chat, "trình bày về việc gì", timeout: wait);
        Telegram.Press(chat, "Đất đai");
        await Telegram.WaitForAsync(chat, "nói ngắn gọn nội dung", timeout: wait);
        Telegram.SendText(chat, "Hỏi về thủ tục tách thửa đất");
        await Telegram.WaitForAsync(chat, "họ và tên", timeout: wait);
        Telegram.SendText(chat, "Nguyễn Văn An");
        var phone = await Telegram.WaitForAsync(chat, "số điện thoại để cán bộ liên hệ", timeout: wait);
        Assert.True(phone.RequestsContact);
        Telegram.ShareContact(chat, "+84912345678");
        await Telegram.WaitForAsync(chat, "kiểm tra lại thông tin đặt lịch", timeout: wait);
    }

    private async Task<string> BookAsync(long chat, string slot = "07:30")
    {
        await UpToConfirmAsync(chat, slot);
        Telegram.Press(chat, "✅ Có");
        var booked = await Telegram.WaitForAsync(chat, "Đã đặt lịch thành công");
        return System.Text.RegularExpressions.Regex.Match(booked.Text, "LH-[A-Z0-9]{6}").Value;
    }

    private async Task<SentMessage> InOfficersChatAsync(string command, long from, string expected)
    {
        var before = Telegram.SentTo(RunningBot.OfficersChat).Count(m => m.Text.Contains(expected, StringComparison.Ordinal));
        Telegram.SendText(RunningBot.OfficersChat, command, "supergroup", from);
        return await Telegram.WaitForAsync(RunningBot.OfficersChat, expected, skip: before);
    }

    [Fact]
    public async Task A_citizen_books_a_slot_and_receives_the_code_details_and_a_calendar_file()
    {
        var code = await BookAsync(Citizen);

        Assert.Matches("^LH-[A-Z0-9]{6}$", code);
        var file = await Telegram.WaitForAsync(Citizen, "Tệp lịch");
        Assert.Equal($"lich-hen-{code}.ics", file.Document!.Value.Name);
        var ics = Encoding.UTF8.GetString(file.Document.Value.Content);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261210T003000Z", ics, StringComparison.Ordinal);

        // Press the menu that follows the booking, not the one before it.
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì thêm?");
        Telegram.Press(Citizen, "Lịch hẹn của tôi");
        var mine = await Telegram.WaitForAsync(Citizen, "Lịch hẹn sắp tới của ông/bà");
        Assert.Contains(mine.Buttons, b => b.Text == "❌ Hủy lịch 7:30 ngày 10/12");
        Assert.DoesNotContain(mine.Buttons, b => b.Text.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Officers_run_the_reception_day_in_their_group_and_the_attended_citizen_is_invited_to_rate()
    {
        var code = await BookAsync(Citizen);
        await InOfficersChatAsync($"/capquyen {Officer} canbo", RunningBot.AdminId, "Đã cấp quyền cán bộ");
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));

        var list = await InOfficersChatAsync("/lichhen", Officer, "Lịch tiếp công dân Thứ Năm, 10/12/2026");
        Assert.Contains("07:30 " + code, list.Text, StringComparison.Ordinal);
        Telegram.Press(RunningBot.OfficersChat, code + " có mặt", Officer, "supergroup");
        await Telegram.WaitForAsync(RunningBot.OfficersChat, $"Đã ghi nhận {code}");
        var export = await InOfficersChatAsync("/xuatlich", Officer, "Danh sách lịch hẹn ngày 10/12/2026");
        Assert.Contains("Có mặt", Encoding.UTF8.GetString(export.Document!.Value.Content), StringComparison.Ordinal);

        await Bot.RunRatingInvitationSweepAsync();
        var invitation = await Telegram.WaitForAsync(Citizen, "Ông/bà có hài lòng");
        Assert.Contains(code, invitation.Text, StringComparison.Ordinal);
        Telegram.Press(Citizen, "Rất hài lòng");
        await Telegram.WaitForAsync(Citizen, "góp ý thêm");
        Telegram.SendText(Citizen, "Cán bộ tận tình");
        var thanks = await Telegram.WaitForAsync(Citizen, "THƯ CẢM ƠN");
        Assert.Contains(code, thanks.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_cannot_use_officer_commands_in_private_or_in_the_officers_group()
    {
        Telegram.SendText(Citizen, "/lichhen");
        await Telegram.WaitForAsync(Citizen, "chức năng này chỉ dành cho cán bộ xã");

        await InOfficersChatAsync("/xuatlich", Citizen, "lệnh này chỉ dành cho người có quyền cán bộ");
        await InOfficersChatAsync($"/capquyen {Citizen} quantri", Citizen, "lệnh này chỉ dành cho người có quyền quản trị");

        Assert.DoesNotContain(Telegram.SentTo(RunningBot.OfficersChat), m => m.Document is not null);
    }

    [Fact]
    public async Task The_reminders_reach_the_citizen_the_day_before_and_on_the_morning()
    {
        await BookAsync(Citizen);

        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero)); // 16:00 local
        await Bot.RunReminderSweepAsync();
        await Bot.RunReminderSweepAsync();
        await Telegram.WaitForAsync(Citizen, "ngày mai ông/bà có lịch hẹn");
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero)); // 07:00 local
        await Bot.RunReminderSweepAsync();
        await Telegram.WaitForAsync(Citizen, "hôm nay ông/bà có lịch hẹn");

        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("ngày mai ông/bà có lịch hẹn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_citizens_confirming_the_same_slot_at_once_get_exactly_one_booking()
    {
        var chats = Enumerable.Range(0, 50).Select(i => 7000L + i).ToList();
        // Ten chats at a time come to the confirmation question; the race under test is the fifty presses of "Có" below.
        foreach (var batch in chats.Chunk(10))
        {
            var steps = batch.Select(c => UpToConfirmAsync(c, "09:00", TimeSpan.FromSeconds(90))).ToList();
            try
            {
                await Task.WhenAll(steps);
            }
            catch (TimeoutException)
            {
                var stalled = steps.Where(t => t.IsFaulted).ToList();
                throw new TimeoutException($"{stalled.Count} of the {batch.Length} chats of this batch stalled; the first:\n{stalled[0].Exception!.InnerException!.Message}");
            }
        }

        foreach (var chat in chats)
        {
            Telegram.Press(chat, "✅ Có");
        }

        var outcomes = await Task.WhenAll(chats.Select(async c =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                var texts = Telegram.SentTo(c).Select(m => m.Text).ToList();
                if (texts.Any(t => t.Contains("Đã đặt lịch thành công", StringComparison.Ordinal)))
                {
                    return "booked";
                }

                if (texts.Any(t => t.Contains("vừa có người khác đặt trước", StringComparison.Ordinal)))
                {
                    return "taken";
                }

                await Task.Delay(20);
            }

            return "none";
        }));

        Assert.True(outcomes.Count(o => o == "booked") == 1 && outcomes.Count(o => o == "taken") == 49,
            $"Booked {outcomes.Count(o => o == "booked")}, taken {outcomes.Count(o => o == "taken")}, no answer {outcomes.Count(o => o == "none")}.\n{Diagnose(chats[outcomes.ToList().IndexOf("none") is var i and >= 0 ? i : 0])}");
        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Officer-Token", Bot.OfficerToken);
        var day = await http.GetFromJsonAsync<DayView>("/officer/api/reception/bookings?date=2026-12-10");
        Assert.Single(day!.Bookings, b => b.Time == "09:00");
    }

    [Fact]
    public async Task The_officer_page_api_lists_marks_and_exports_a_day_and_refuses_without_the_token()
    {
        var code = await BookAsync(Citizen);
        using var anonymous = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/officer/api/reception/bookings?date=2026-12-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/officer/api/reception/export?date=2026-12-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/officer/api/ratings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/officer/api/reception/bookings/{code}/mark", new { attended = true })).StatusCode);

        using var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Officer-Token", Bot.OfficerToken);
        var day = await http.GetFromJsonAsync<DayView>("/officer/api/reception/bookings?date=2026-12-10");
        Assert.Equal("0912345678", Assert.Single(day!.Bookings).Phone);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"/officer/api/reception/bookings/{code}/mark", new { attended = true })).StatusCode);
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/officer/api/reception/bookings/{code}/mark", new { attended = false })).StatusCode);
        var xlsx = await http.GetAsync("/officer/api/reception/export?date=2026-12-10&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var csv = await http.GetStringAsync("/officer/api/reception/export?date=2026-12-10");
        Assert.Contains("Vắng mặt", csv, StringComparison.Ordinal);
        var session = await http.PostAsJsonAsync("/officer/api/reception/sessions", new { date = "2026-12-15", title = "Bí thư Đảng ủy tiếp công dân" });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }

    private sealed record BookingView(string Code, string Time, string Name, string Phone, string Status);

    private sealed record DayView(string Date, List<string> Sessions, List<BookingView> Bookings);
}
