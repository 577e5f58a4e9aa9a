using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

public sealed class MyBookingsDialogTests : IDisposable
{
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _citizen = new("web", "c0000000000000000000000000000002");

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task My_bookings_lists_each_coming_booking_with_cancel_and_reschedule()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(_citizen));
        await _bot.SayAsync("menu", _citizen);

        var replies = await _bot.PressAsync("Lịch hẹn của tôi", _citizen);

        replies.ShouldSay(code);
        replies.ShouldOfferButton("❌ Hủy lịch 7:30 ngày 10/12");
        replies.ShouldOfferButton("🔁 Đổi lịch 7:30 ngày 10/12");
        replies.ShouldNotOfferButton(code);
    }

    [Fact]
    public async Task A_booking_can_still_be_cancelled_by_typing_its_code()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(_citizen));
        await _bot.SayAsync("lịch hẹn của tôi", _citizen);

        var replies = await _bot.SayAsync("hủy " + code, _citizen);

        replies.ShouldSay("chắc chắn muốn hủy lịch hẹn Thứ Năm, 10/12/2026, từ 07:30");
    }

    [Fact]
    public async Task Cancelling_asks_first_then_frees_the_slot()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(_citizen));
        await _bot.SayAsync("lịch hẹn của tôi", _citizen);
        (await _bot.PressAsync("Hủy lịch 7:30 ngày 10/12", _citizen)).ShouldSay($"hủy lịch hẹn Thứ Năm, 10/12/2026, từ 07:30 đến 08:00 (mã {code})?");

        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay($"Đã hủy lịch hẹn Thứ Năm, 10/12/2026, từ 07:30 đến 08:00 (mã {code}).");
        Assert.Equal(BookingStatus.Cancelled, _bot.Get<ReceptionBook>().Get(code)!.Status);
        var other = new ChatAddress("web", "c0000000000000000000000000000003");
        (await _bot.BookAsync(other, slot: "07:30")).ShouldSay("Đã đặt lịch thành công");
    }

    [Fact]
    public async Task Rescheduling_moves_the_booking_and_releases_the_old_slot()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(_citizen));
        await _bot.SayAsync("lịch hẹn của tôi", _citizen);
        await _bot.PressAsync("Đổi lịch 7:30 ngày 10/12", _citizen);
        await _bot.PressAsync("21/12/2026", _citizen);
        var confirm = await _bot.PressAsync("14:00–", _citizen);
        confirm.ShouldSay("Đổi lịch hẹn Thứ Năm, 10/12/2026, từ 07:30 đến 08:00 sang Thứ Hai, 21/12/2026, 14:00–14:30?");

        var replies = await _bot.PressAsync("✅ Có", _citizen);

        replies.ShouldSay("Đã đổi lịch hẹn");
        var newCode = System.Text.RegularExpressions.Regex.Match(replies.AllText(), "mã mới là (LH-[A-Z0-9]{6})").Groups[1].Value;
        Assert.NotEqual(code, newCode);
        replies.ShouldSay($"lịch hẹn mới có mã mới là {newCode}; mã cũ {code} không còn dùng nữa");
        replies.ShouldSay($"🔖 Mã lịch hẹn: {newCode}");
        var bookings = _bot.Get<ReceptionBook>();
        Assert.Equal(BookingStatus.Cancelled, bookings.Get(code)!.Status);
        Assert.Equal(newCode, bookings.Get(code)!.RescheduledTo);
        Assert.Equal("Nguyễn Văn An", bookings.Get(newCode)!.Name);
        Assert.Single(bookings.OpenFor(_citizen.Key));
    }

    [Fact]
    public async Task A_citizen_cannot_cancel_someone_elses_booking()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(_citizen));

        Assert.Null(_bot.Get<ReceptionBook>().Cancel(code, "web:intruder"));
        Assert.Equal(BookingStatus.Booked, _bot.Get<ReceptionBook>().Get(code)!.Status);
    }

    [Fact]
    public async Task With_no_bookings_the_list_says_so_and_offers_to_book()
    {
        await _bot.SayAsync("menu", _citizen);

        var replies = await _bot.PressAsync("Lịch hẹn của tôi", _citizen);

        replies.ShouldSay("chưa có lịch hẹn nào");
        replies.ShouldOfferButton("Đặt lịch mới");
    }
}
