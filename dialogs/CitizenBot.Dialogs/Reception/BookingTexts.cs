using CitizenBot.Core.Commune;
using CitizenBot.Core.Reception;

namespace CitizenBot.Dialogs.Reception;

/// <summary>The booking conversation's words.</summary>
public static class BookingTexts
{
    public const string MenuLabel = "📅 Đặt lịch tiếp công dân";

    /// <summary>The menu's help line for this button.</summary>
    public const string MenuHelp = "hẹn gặp lãnh đạo, cán bộ xã vào ngày tiếp công dân.";
    public static readonly string[] MenuSynonyms = ["dat lich", "dat lich tiep cong dan", "tiep cong dan", "hen gap", "lich tiep"];

    public const string MineLabel = "🗓 Lịch hẹn của tôi";

    /// <summary>The menu's help line for this button.</summary>
    public const string MineHelp = "xem, hủy hoặc đổi lịch hẹn đã đặt.";
    public static readonly string[] MineSynonyms = ["lich hen cua toi", "lich hen", "xem lich hen", "huy lich", "doi lich"];

    public const string Help =
        "ℹ️ Đặt lịch tiếp công dân: UBND xã tiếp công dân định kỳ vào ngày 10 và 20 hằng tháng (gặp ngày nghỉ thì dời sang ngày làm việc kế tiếp). "
        + "Ông/bà chọn ngày, chọn giờ, cho biết nội dung, họ tên và số điện thoại; hệ thống sẽ gửi mã lịch hẹn và nhắc ông/bà trước một ngày.";

    public const string AskDay = "Mời ông/bà chọn ngày đến gặp (các ngày còn chỗ trống):";

    public const string NoDays =
        "Xin lỗi ông/bà, các buổi tiếp công dân sắp tới đã kín chỗ. Ông/bà có thể để lại câu hỏi cho cán bộ xã, hoặc quay lại sau vài ngày.";

    public static string DayLabel(ReceptionDay day, int free) =>
        $"{VietnameseFormat.DateWithWeekday(day.Date)} · còn {free} chỗ"
        + (day.Title == ReceptionCalendar.RegularTitle ? "" : $" · {day.Title}");

    public static string AskSlot(ReceptionDay day) =>
        $"Ngày {VietnameseFormat.DateWithWeekday(day.Date)} ({day.Title}"
        + (day.MovedFrom is { } from ? $", dời từ ngày {VietnameseFormat.Date(from)} do trùng ngày nghỉ" : "")
        + "). Mời ông/bà chọn giờ:";

    /// <summary>Hour buttons ("07:30–08:00") are short: this many to a row.</summary>
    public const int SlotColumns = 3;

    public const string DayFull = "Xin lỗi ông/bà, ngày này vừa kín chỗ. Mời ông/bà chọn ngày khác.";

    public const string AskTopic = "Ông/bà muốn trình bày về việc gì?";

    public const string AskDetails = "Xin ông/bà nói ngắn gọn nội dung cần trình bày (ví dụ: \"Hỏi về thủ tục tách thửa đất\"):";

    public const string AskName = "Xin cho biết họ và tên của ông/bà:";

    public const string NameInvalid = "Xin ông/bà nhập họ tên bằng chữ, ví dụ: Nguyễn Văn An. Họ tên cần có chữ cái.";

    /// <param name="how">How this channel gives a phone number (<see cref="Engine.ChannelHints.HowToGivePhone"/>).</param>
    public static string AskPhone(string how) => $"Xin cho biết số điện thoại để cán bộ liên hệ khi cần ({how}):";

    public static string Confirm(ReceptionDay day, ReceptionSlot slot, string topic, string details, string name, string phone) =>
        "Xin ông/bà kiểm tra lại thông tin đặt lịch:\n"
        + $"📅 {VietnameseFormat.DateWithWeekday(day.Date)}, {slot.Label} ({day.Title})\n"
        + $"🗂 {ReceptionTopics.Label(topic)}: {details}\n"
        + $"👤 {name} · 📱 {phone}\n\n"
        + "Ông/bà xác nhận đặt lịch?";

    public static string ConfirmMove(Booking old, ReceptionDay day, ReceptionSlot slot, CommuneClock clock) =>
        $"Đổi lịch hẹn {ReceptionTexts.When(old, clock)} sang {VietnameseFormat.DateWithWeekday(day.Date)}, {slot.Label}?";

    public const string NotBooked = "Lịch hẹn chưa được đặt. Khi cần, ông/bà có thể đặt lại từ menu.";

    public static string Booked(string details) =>
        "✅ Đã đặt lịch thành công. Xin cảm ơn ông/bà!\n\n" + details + "\n\nHệ thống sẽ nhắc ông/bà lúc 16 giờ hôm trước và 7 giờ sáng ngày hẹn.";

    /// <summary>A new time is a new booking with its own code: said plainly, so the citizen does not bring the old one.</summary>
    public static string Moved(string oldCode, string newCode, string details) =>
        "✅ Đã đổi lịch hẹn. Xin cảm ơn ông/bà!\n"
        + $"Lưu ý: lịch hẹn mới có mã mới là {newCode}; mã cũ {oldCode} không còn dùng nữa.\n\n"
        + details
        + "\n\nHệ thống sẽ nhắc ông/bà lúc 16 giờ hôm trước và 7 giờ sáng ngày hẹn mới.";

    public const string CalendarCaption = "📎 Tệp lịch: mở tệp này để thêm lịch hẹn vào điện thoại.";

    public const string SlotTaken =
        "Rất tiếc, khung giờ này vừa có người khác đặt trước. Xin lỗi ông/bà! Dưới đây là các giờ còn trống gần nhất:";

    public const string SlotGone = "Xin lỗi ông/bà, giờ này đã qua hoặc buổi tiếp đã thay đổi. Dưới đây là các giờ còn trống gần nhất:";

    public const string NoAlternatives = "Xin lỗi ông/bà, hiện không còn giờ trống trong các buổi tiếp sắp tới.";

    public const string OtherDayLabel = "📅 Chọn ngày khác";

    public static string AlternativeLabel(FreeSlot free) => $"{VietnameseFormat.DateWithWeekday(free.Day.Date)} · {free.Slot.Label}";

    public static string TooMany(int max) =>
        $"Ông/bà đang có {max} lịch hẹn chưa diễn ra, là số lịch tối đa. Xin ông/bà xem \"Lịch hẹn của tôi\" để hủy hoặc đổi một lịch trước khi đặt thêm.";

    public const string MoveNotFound = "Xin lỗi ông/bà, không tìm thấy lịch hẹn cần đổi (có thể đã hủy hoặc đã diễn ra).";

    public const string NoBookings = "Ông/bà chưa có lịch hẹn nào sắp tới.";

    public static string MyBookings(IEnumerable<string> lines) => "🗓 Lịch hẹn sắp tới của ông/bà:\n\n" + string.Join("\n\n", lines);

    /// <summary>Citizens think of a booking by its day and hour: "❌ Hủy lịch 8:00 ngày 10/12".</summary>
    public static string CancelLabel(Booking booking, CommuneClock clock) => $"❌ Hủy lịch {ShortWhen(booking, clock)}";

    public static string MoveLabel(Booking booking, CommuneClock clock) => $"🔁 Đổi lịch {ShortWhen(booking, clock)}";

    /// <summary>"8:00 ngày 10/12": the hour and the day of a booking, short enough for a button.</summary>
    public static string ShortWhen(Booking booking, CommuneClock clock) =>
        clock.ToLocal(booking.StartsAt).ToString("H\\:mm 'ngày' d'/'M", System.Globalization.CultureInfo.InvariantCulture);

    public const string BookLabel = "📅 Đặt lịch mới";

    public const string ChooseAction = "Ông/bà muốn làm gì?";

    public static string ConfirmCancel(Booking booking, CommuneClock clock) =>
        $"Ông/bà chắc chắn muốn hủy lịch hẹn {ReceptionTexts.When(booking, clock)} (mã {booking.Code})?";

    public static string Cancelled(Booking booking, CommuneClock clock) =>
        $"Đã hủy lịch hẹn {ReceptionTexts.When(booking, clock)} (mã {booking.Code}). Cảm ơn ông/bà đã báo trước để nhường chỗ cho người khác.";

    public const string CancelFailed = "Xin lỗi ông/bà, lịch hẹn này không thể hủy nữa (có thể đã hủy hoặc đã đến giờ hẹn).";

    public const string KeptBooking = "Lịch hẹn của ông/bà vẫn được giữ nguyên.";
}
