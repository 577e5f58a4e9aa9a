using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Announcements;

/// <summary>The announcement as villagers read it, and the report its author gets.</summary>
public static class AnnouncementTexts
{
    /// <summary>The report's row for recipients no longer registered in any village the announcement went to.</summary>
    public const string NoLongerRegistered = "Không còn đăng ký";

    public const string AllVillages = "Tất cả các thôn";

    /// <summary>The villages an announcement went to, as an officer reads them.</summary>
    public static string Villages(IReadOnlyCollection<string> villages) => villages.Count == 0 ? AllVillages : string.Join(", ", villages);

    /// <summary>An unknown village refused, with the villages there are.</summary>
    public static string UnknownVillages(IEnumerable<string> unknown, IEnumerable<string> known) =>
        $"Không có thôn: {string.Join(", ", unknown.Select(u => $"\"{u}\""))}. Các thôn của xã: {string.Join(", ", known)}.";

    public const string NoRecipients = "Các thôn đã chọn chưa có nơi nhận nào (chưa có nhóm thôn và chưa có người dân đăng ký nhận tin). Thông báo chưa được gửi.";

    public static string Message(string communeName, string text) => $"📢 THÔNG BÁO CỦA {communeName.ToUpperInvariant()}\n\n{text}";

    public static string Report(DeliveryReport report)
    {
        var lines = new List<string>
        {
            $"📊 Báo cáo gửi thông báo {report.Announcement.Code} ({VietnameseFormat.Number(report.Announcement.Recipients)} nơi nhận):",
            $"✅ Đã gửi: {VietnameseFormat.Number(report.Delivered)}",
            $"⏳ Đang chờ gửi: {VietnameseFormat.Number(report.Pending)}",
        };
        if (report.Unconfirmed > 0)
        {
            lines.Add($"❔ Chưa xác nhận (máy chủ dừng giữa lúc gửi, không gửi lại để tránh trùng): {VietnameseFormat.Number(report.Unconfirmed)}");
        }

        lines.Add($"❌ Không gửi được: {VietnameseFormat.Number(report.Failed.Count)}");
        lines.AddRange(report.Failed.Take(20).Select(f => $"  • {f.Recipient}: {Reason(f.Reason)}"));
        return string.Join('\n', lines);
    }

    /// <summary>A channel error in words an officer understands.</summary>
    public static string Reason(string error) =>
        error.Contains("Forbidden", StringComparison.OrdinalIgnoreCase) || error.Contains("403", StringComparison.Ordinal)
            ? "bot đã bị xóa khỏi nhóm hoặc bị người dùng chặn"
            : error.Contains("400", StringComparison.Ordinal) ? "nhóm không còn tồn tại hoặc không nhận được tin" : error;
}
