using System.Text;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

public sealed class ReceptionOfficerCommandTests : IDisposable
{
    private const string OfficerId = "700";
    private readonly BotHarness _bot = new();

    public ReceptionOfficerCommandTests() => _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private async Task<string[]> BookTwoAsync()
    {
        var late = ReceptionSteps.CodeIn(await _bot.BookAsync(new ChatAddress("web", "c1"), slot: "09:30"));
        var early = ReceptionSteps.CodeIn(await _bot.BookAsync(new ChatAddress("web", "c2"), slot: "07:30"));
        return [early, late];
    }

    [Fact]
    public async Task A_days_list_is_in_slot_order_with_masked_phones()
    {
        var codes = await BookTwoAsync();

        var list = Assert.Single(await _bot.CommandAsync("/lichhen 10/12/2026", OfficerId));

        Assert.Contains("Số lịch hẹn: 2", list.Text, StringComparison.Ordinal);
        Assert.True(list.Text.IndexOf(codes[0], StringComparison.Ordinal) < list.Text.IndexOf(codes[1], StringComparison.Ordinal), list.Text);
        Assert.Contains("07:30 " + codes[0], list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", list.Text, StringComparison.Ordinal);
        Assert.Empty(list.Buttons); // the day has not come: nothing to mark yet
    }

    [Fact]
    public async Task On_the_day_an_officer_marks_attendance_with_the_buttons_and_it_is_audited()
    {
        var codes = await BookTwoAsync();
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));
        var list = Assert.Single(await _bot.CommandAsync("/lichhen", OfficerId));
        var attended = list.Buttons.Single(b => b.Label.Contains(codes[0] + " có mặt", StringComparison.Ordinal));
        var absent = list.Buttons.Single(b => b.Label.Contains(codes[1] + " vắng", StringComparison.Ordinal));

        (await _bot.PressAsOfficerAsync(attended.Payload, OfficerId)).ShouldSay($"Đã ghi nhận {codes[0]}");
        await _bot.PressAsOfficerAsync(absent.Payload, OfficerId);

        var bookings = _bot.Get<ReceptionBook>();
        Assert.Equal(BookingStatus.Attended, bookings.Get(codes[0])!.Status);
        Assert.Equal(BookingStatus.NoShow, bookings.Get(codes[1])!.Status);
        Assert.Contains(_bot.Get<AuditLog>().Latest(10), e => e.Action == "reception.attended" && e.Subject == codes[0] && e.Actor == "telegram:" + OfficerId);
    }

    [Fact]
    public async Task A_booking_cannot_be_marked_before_its_day()
    {
        var codes = await BookTwoAsync();

        (await _bot.CommandAsync("/comat " + codes[0], OfficerId)).ShouldSay("chưa đến ngày tiếp");

        Assert.Equal(BookingStatus.Booked, _bot.Get<ReceptionBook>().Get(codes[0])!.Status);
    }

    [Fact]
    public async Task Export_as_csv_has_every_booking_of_the_day_in_slot_order()
    {
        var codes = await BookTwoAsync();

        var reply = Assert.Single(await _bot.CommandAsync("/xuatlich 10/12/2026", OfficerId));

        Assert.Equal("lich-tiep-cong-dan-2026-12-10.csv", reply.File!.FileName);
        var lines = Encoding.UTF8.GetString(reply.File.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Giờ,Mã lịch hẹn,Họ tên,Điện thoại,Nội dung,Chi tiết,Buổi tiếp,Trạng thái", lines[0]);
        Assert.StartsWith("07:30," + codes[0] + ",Nguyễn Văn An,0912345678,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("09:30," + codes[1], lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_escapes_a_citizens_text_that_a_spreadsheet_would_run_as_a_formula()
    {
        var bookings = _bot.Get<ReceptionBook>();
        var day = bookings.Calendar.Upcoming(1).Single();
        bookings.Book(new BookingRequest("web:x", day.Key, "07:30", "land", "=HYPERLINK(\"http://evil\")", "Trần B", "0987654321"));

        var csv = Encoding.UTF8.GetString(_bot.Get<BookingExport>().Csv(day.Date));

        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_as_xlsx_is_a_workbook()
    {
        await BookTwoAsync();

        var reply = Assert.Single(await _bot.CommandAsync("/xuatlich 10/12/2026 xlsx", OfficerId));

        Assert.EndsWith(".xlsx", reply.File!.FileName, StringComparison.Ordinal);
        Assert.Equal((byte)'P', reply.File.Content[0]);
        Assert.Equal((byte)'K', reply.File.Content[1]);
        using var workbook = new MemoryStream(reply.File.Content);
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("07:30", rows[0]["Giờ"]);
    }

    [Fact]
    public async Task An_officer_adds_a_leader_session_that_citizens_can_book()
    {
        (await _bot.CommandAsync("/themlich 03/12/2026 Chủ tịch UBND xã tiếp công dân", OfficerId)).ShouldSay("Đã thêm buổi tiếp");

        var citizen = new ChatAddress("web", "c3");
        await _bot.SayAsync("menu", citizen);
        var days = await _bot.PressAsync("Đặt lịch tiếp công dân", citizen);

        days.ShouldOfferButton("Thứ Năm, 03/12/2026 · còn 13 chỗ · Chủ tịch UBND xã tiếp công dân");
        (await _bot.BookAsync(citizen, day: "03/12/2026")).ShouldSay("Đã đặt lịch thành công");
    }

    [Fact]
    public async Task A_leader_session_on_a_Sunday_is_refused_and_not_offered_until_the_officer_confirms_it()
    {
        var refused = Assert.Single(await _bot.CommandAsync("/themlich 06/12/2026 Chủ tịch UBND xã tiếp công dân", OfficerId));

        Assert.Contains("ngày nghỉ (Chủ nhật)", refused.Text, StringComparison.Ordinal);
        Assert.Contains("/themlich 06/12/2026 xacnhan Chủ tịch UBND xã tiếp công dân", refused.Text, StringComparison.Ordinal);
        var citizen = new ChatAddress("web", "c4");
        await _bot.SayAsync("menu", citizen);
        var days = await _bot.PressAsync("Đặt lịch tiếp công dân", citizen);
        days.ShouldNotOfferButton("06/12/2026");

        (await _bot.CommandAsync("/themlich 06/12/2026 xacnhan Chủ tịch UBND xã tiếp công dân", OfficerId)).ShouldSay("Đã thêm buổi tiếp");
        Assert.Contains(_bot.Get<ReceptionCalendar>().Upcoming(10), d => d.Date == new DateOnly(2026, 12, 6) && d.Title == "Chủ tịch UBND xã tiếp công dân");
    }

    [Theory]
    [InlineData("/lichhen 45/13")]
    [InlineData("/xuatlich hôm qua nữa")]
    [InlineData("/themlich")]
    [InlineData("/themlich 01/01/2020 Chủ tịch tiếp dân")]
    [InlineData("/comat")]
    public async Task Malformed_officer_commands_explain_how_to_use_them(string command)
    {
        var reply = Assert.Single(await _bot.CommandAsync(command, OfficerId));

        Assert.Matches("Cách dùng|Xin ghi ngày|Không|không", reply.Text);
    }
}
