using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Reception;

namespace CitizenBot.Dialogs.Reception;

/// <summary>What the reception commands tell officers.</summary>
public static class ReceptionOfficerTexts
{
    public const string DateUsage = "Xin ghi ngày theo dạng ngày/tháng hoặc ngày/tháng/năm, ví dụ: /lichhen 10/12";

    public static string DayList(DateOnly date, IReadOnlyList<ReceptionDay> sessions, IReadOnlyList<Booking> bookings, CommuneClock clock)
    {
        var header = $"📋 Lịch tiếp công dân {VietnameseFormat.DateWithWeekday(date)}";
        if (sessions.Count == 0 && bookings.Count == 0)
        {
            return header + "\nNgày này không có buổi tiếp và không có lịch hẹn.";
        }

        var lines = new List<string> { header };
        lines.AddRange(sessions.Select(s => $"• {s.Title}"));
        lines.Add($"Số lịch hẹn: {bookings.Count}");
        lines.AddRange(bookings.Select(b =>
            $"{clock.ToLocal(b.StartsAt):HH\\:mm} {b.Code} – {b.Name} ({PersonalData.MaskPhone(b.Phone)}) – {ReceptionTopics.Label(b.Topic)}: {b.Details} – {BookingExport.StatusLabel(b.Status)}"));
        return string.Join('\n', lines);
    }

    public static string Marked(Booking booking) => $"Đã ghi nhận {booking.Code} ({booking.Name}): {BookingExport.StatusLabel(booking.Status)}.";

    public const string CannotMark = "Không ghi nhận được: không tìm thấy lịch hẹn, lịch đã hủy, hoặc chưa đến ngày tiếp.";

    public static string Exported(DateOnly date, int count) => $"📎 Danh sách lịch hẹn ngày {VietnameseFormat.Date(date)} ({count} lịch hẹn).";

    public const string AddUsage = "Cách dùng: /themlich <ngày/tháng/năm> <tiêu đề>, ví dụ: /themlich 15/12/2026 Chủ tịch UBND xã tiếp công dân";

    public static string Added(DateOnly date, string title) =>
        $"Đã thêm buổi tiếp \"{title}\" ngày {VietnameseFormat.DateWithWeekday(date)}. Công dân đã có thể đặt lịch cho buổi này.";

    public const string PastDate = "Không thể thêm buổi tiếp vào ngày đã qua.";

    /// <summary>The word after the date that confirms a session on a Sunday or a holiday.</summary>
    public const string ConfirmDayOffWord = "xacnhan";

    public static string DayOff(DateOnly date, string dayOff, string title) =>
        $"Ngày {VietnameseFormat.DateWithWeekday(date)} là ngày nghỉ ({dayOff}); chưa thêm buổi tiếp. "
        + $"Nếu lãnh đạo thực sự tiếp công dân ngày này, xin gõ lại kèm chữ \"{ConfirmDayOffWord}\" sau ngày: "
        + $"/themlich {date:dd/MM/yyyy} {ConfirmDayOffWord} {title}";

    public const string AttendedLabel = "✅";

    public const string NoShowLabel = "❌";
}
