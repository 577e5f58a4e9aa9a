using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Reception;

/// <summary>The words of the reception slice that the jobs send as well as the dialogs (details, reminders).</summary>
public static class ReceptionTexts
{
    public static string When(Booking booking, CommuneClock clock) =>
        $"{VietnameseFormat.DateWithWeekday(booking.Day)}, từ {clock.ToLocal(booking.StartsAt):HH\\:mm} đến {clock.ToLocal(booking.EndsAt):HH\\:mm}";

    public static string Details(Booking booking, ReceptionOptions options, CommuneClock clock) =>
        $"🔖 Mã lịch hẹn: {booking.Code}\n"
        + $"📅 Thời gian: {When(booking, clock)}\n"
        + $"🏛 Nơi tiếp: {options.Place}\n"
        + $"🗂 Nội dung: {ReceptionTopics.Label(booking.Topic)}\n"
        + $"📄 Xin mang theo: {options.Papers}.";

    public static string ReminderEve(Booking booking, ReceptionOptions options, CommuneClock clock) =>
        "⏰ Nhắc lịch: ngày mai ông/bà có lịch hẹn tiếp công dân tại UBND xã.\n\n"
        + Details(booking, options, clock)
        + "\n\nNếu không đến được, xin ông/bà vào \"Lịch hẹn của tôi\" để hủy hoặc đổi lịch, nhường chỗ cho người khác. Xin cảm ơn!";

    public static string ReminderDay(Booking booking, ReceptionOptions options, CommuneClock clock) =>
        "⏰ Nhắc lịch: hôm nay ông/bà có lịch hẹn tiếp công dân.\n\n"
        + Details(booking, options, clock)
        + "\n\nCán bộ xã sẵn sàng đón ông/bà. Xin đến sớm 10 phút.";

    public static string CalendarTitle(string communeName) => $"Tiếp công dân – {communeName}";
}
