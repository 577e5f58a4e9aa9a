using System.Text;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

public sealed class BookReceptionDialogTests : IDisposable
{
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _citizen = new("web", "c0000000000000000000000000000001");

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Booking_offers_the_next_days_with_weekday_and_date_then_free_slots()
    {
        await _bot.SayAsync("menu", _citizen);

        var days = await _bot.PressAsync("Đặt lịch tiếp công dân", _citizen);

        days.ShouldOfferButton("Thứ Năm, 10/12/2026 · còn 13 chỗ");
        days.ShouldOfferButton("Thứ Hai, 21/12/2026");
        var slots = await _bot.PressAsync("10/12/2026", _citizen);
        slots.ShouldOfferButton("07:30–08:00");
        slots.ShouldOfferButton("16:00–16:30");
    }

    [Fact]
    public async Task Hour_buttons_come_in_a_grid_of_three_with_the_menu_button_below()
    {
        await _bot.SayAsync("menu", _citizen);
        (await _bot.PressAsync("Đặt lịch tiếp công dân", _citizen)).ShouldNotSay("Mời ông/bà chọn giờ");

        var slots = (await _bot.PressAsync("10/12/2026", _citizen)).Last();

        Assert.Equal(3, slots.Columns);
        var rows = slots.Rows();
        Assert.True(rows.Count < slots.Buttons.Count, $"{rows.Count} rows for {slots.Buttons.Count} buttons");
        Assert.Equal(3, rows[0].Count);
        Assert.Equal("nav:menu", Assert.Single(rows[^1]).Payload);
    }

    [Fact]
    public async Task The_booking_confirmation_promises_reminders_in_Vietnamese()
    {
        await _bot.UpToConfirmAsync(_citizen);

        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay("Hệ thống sẽ nhắc ông/bà lúc 16 giờ hôm trước");
        replies.ShouldNotSay("Bot");
    }

    [Fact]
    public async Task A_completed_booking_gives_a_code_time_place_papers_and_a_calendar_file()
    {
        var confirm = await _bot.UpToConfirmAsync(_citizen);
        confirm.ShouldSay("Xin ông/bà kiểm tra lại thông tin đặt lịch");
        confirm.ShouldSay("Nguyễn Văn An");

        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay("Đã đặt lịch thành công");
        replies.ShouldSay("Thứ Năm, 10/12/2026, từ 07:30 đến 08:00");
        replies.ShouldSay("Phòng tiếp công dân");
        replies.ShouldSay("Xin mang theo: Căn cước công dân");
        var file = replies.Single(r => r.File is not null).File!;
        var ics = Encoding.UTF8.GetString(file.Content);
        Assert.EndsWith(".ics", file.FileName, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261210T003000Z", ics, StringComparison.Ordinal);
        var code = ReceptionSteps.CodeIn(replies);
        Assert.Equal(BookingStatus.Booked, _bot.Get<ReceptionBook>().Get(code)!.Status);
    }

    [Fact]
    public async Task Answering_no_at_the_confirmation_books_nothing()
    {
        await _bot.UpToConfirmAsync(_citizen);

        var replies = await _bot.PressAsync("❌ Không", _citizen);

        replies.ShouldSay("Lịch hẹn chưa được đặt");
        Assert.Empty(_bot.Get<ReceptionBook>().OpenFor(_citizen.Key));
    }

    [Fact]
    public async Task A_taken_slot_is_not_offered_and_a_full_day_is_not_offered()
    {
        var bookings = _bot.Get<ReceptionBook>();
        var day = bookings.Calendar.Upcoming(1).Single();
        for (var i = 0; i < day.Slots.Count; i++)
        {
            var result = bookings.Book(new BookingRequest($"web:other{i}", day.Key, day.Slots[i].Key, "land", "Việc đất đai", "Trần Thị B", "0987654321"));
            Assert.Equal(BookingOutcome.Booked, result.Outcome);
        }

        await _bot.SayAsync("menu", _citizen);
        var days = await _bot.PressAsync("Đặt lịch tiếp công dân", _citizen);

        days.ShouldNotOfferButton("10/12/2026");
        days.ShouldOfferButton("21/12/2026");
    }

    [Fact]
    public async Task A_slot_taken_while_the_citizen_confirms_is_answered_politely_with_the_nearest_free_slots()
    {
        await _bot.UpToConfirmAsync(_citizen, slot: "08:00");
        var day = _bot.Get<ReceptionBook>().Calendar.Upcoming(1).Single();
        _bot.Get<ReceptionBook>().Book(new BookingRequest("web:someone-else", day.Key, "08:00", "land", "Việc đất đai", "Trần Thị B", "0987654321"));

        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay("vừa có người khác đặt trước");
        replies.ShouldOfferButton("10/12/2026 · 07:30–08:00");
        replies.ShouldOfferButton("10/12/2026 · 08:30–09:00");
        replies.ShouldOfferButton("Chọn ngày khác");
        var booked = await _bot.PressAsync("08:30–09:00", _citizen);
        booked.ShouldSay("Đã đặt lịch thành công");
        booked.ShouldSay("từ 08:30 đến 09:00");
    }

    [Fact]
    public async Task A_slot_that_has_started_by_the_time_of_confirmation_cannot_be_booked()
    {
        await _bot.UpToConfirmAsync(_citizen);
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 0, 45, 0, TimeSpan.Zero)); // 07:45 on the day

        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay("giờ này đã qua");
        replies.ShouldNotOfferButton("10/12/2026 · 07:30");
        Assert.Empty(_bot.Get<ReceptionBook>().OpenFor(_citizen.Key));
    }

    [Fact]
    public async Task A_citizen_holds_at_most_the_configured_number_of_open_bookings()
    {
        await _bot.BookAsync(_citizen, slot: "07:30");
        await _bot.BookAsync(_citizen, slot: "08:00");
        await _bot.SayAsync("menu", _citizen);

        var replies = await _bot.PressAsync("Đặt lịch tiếp công dân", _citizen);

        replies.ShouldSay("là số lịch tối đa");
        replies.ShouldOfferButton("Lịch hẹn của tôi");
        Assert.Equal(2, _bot.Get<ReceptionBook>().OpenFor(_citizen.Key).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("我想预约")]
    [InlineData("01/01/2020")]
    [InlineData("<b>10/12</b>")]
    public async Task Bad_input_at_the_day_and_slot_prompts_is_answered_politely_with_a_way_back(string input)
    {
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Đặt lịch tiếp công dân", _citizen);

        var atDay = await _bot.SayAsync(input, _citizen);
        atDay.ShouldSay("Mời ông/bà chọn ngày");
        atDay.ShouldLeaveAWayOn();

        await _bot.PressAsync("10/12/2026", _citizen);
        var atSlot = await _bot.SayAsync(input, _citizen);
        atSlot.ShouldSay("Mời ông/bà chọn giờ");
        atSlot.ShouldOfferButton("Về menu chính");
    }

    [Fact]
    public async Task Bad_details_name_and_phone_are_asked_again_with_the_reason()
    {
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Đặt lịch tiếp công dân", _citizen);
        await _bot.PressAsync("10/12/2026", _citizen);
        await _bot.PressAsync("07:30–", _citizen);
        await _bot.PressAsync("Đất đai", _citizen);

        (await _bot.SayAsync("ab", _citizen)).ShouldSay("ít nhất 5 ký tự");
        (await _bot.SayAsync(new string('x', 10_000), _citizen)).ShouldSay("dài quá 500 ký tự");
        await _bot.SayAsync("Hỏi về đất", _citizen);
        (await _bot.SayAsync("12345", _citizen)).ShouldSay("Họ tên cần có chữ cái");
        await _bot.SayAsync("Lê Thị Hoa", _citizen);
        var phone = await _bot.SayAsync("😀", _citizen);
        phone.ShouldSay("Số điện thoại chưa đúng");
        Assert.True(phone.Last().RequestContact);
    }

    [Fact]
    public async Task Menu_at_any_step_of_the_booking_leaves_nothing_booked()
    {
        await _bot.UpToConfirmAsync(_citizen);

        var replies = await _bot.SayAsync("menu", _citizen);

        replies.ShouldOfferButton("Đặt lịch tiếp công dân");
        Assert.Empty(_bot.Get<ReceptionBook>().OpenFor(_citizen.Key));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_booking_resumes_at_the_same_question()
    {
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Đặt lịch tiếp công dân", _citizen);
        await _bot.PressAsync("10/12/2026", _citizen);
        await _bot.PressAsync("07:30–", _citizen);

        _bot.Restart();
        await _bot.PressAsync("Đất đai", _citizen);
        await _bot.SayAsync("Hỏi về thủ tục tách thửa đất", _citizen);
        await _bot.SayAsync("Nguyễn Văn An", _citizen);
        await _bot.SayAsync("0912345678", _citizen);
        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay("Đã đặt lịch thành công");
    }
}
