using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Petitions;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>What the petition commands tell officers.</summary>
public static class PetitionOfficerTexts
{
    public const string OpenTitle = "📮 Đơn đang chờ giải quyết (hạn gần nhất trước):";

    public const string NoneOpen = "Không có đơn nào đang chờ giải quyết.";

    public const string DenunciationLeadersOnly =
        "Đơn tố cáo được bảo mật theo Luật Tố cáo: chỉ lãnh đạo UBND xã xem và xử lý, trong trò chuyện riêng với bot.";

    public static string SealedLine(Petition petition, CommuneClock clock) =>
        $"{petition.Code} · Tố cáo · (bảo mật) · {PetitionTexts.Status(petition.Status)} · hạn {VietnameseFormat.Date(clock.LocalDate(petition.DueAt))}";

    public static string NotFound(string code) => $"Không tìm thấy đơn {code.Trim()}.";

    public static string Changed(Petition petition) => $"✅ Đơn {petition.Code}: {PetitionTexts.Status(petition.Status)}. Công dân đã được báo.";

    public static string NotAllowed(Petition petition, PetitionStatus to) =>
        $"Đơn {petition.Code} đang ở trạng thái \"{PetitionTexts.Status(petition.Status)}\", không thể chuyển sang \"{PetitionTexts.Status(to)}\".";

    public static string Details(Petition petition, PetitionIdentity? identity, bool showFullPhone, CommuneClock clock)
    {
        var phone = identity?.Phone is { } p ? (showFullPhone ? p : PersonalData.MaskPhone(p)) : null;
        var author = petition.Anonymous ? "ẩn danh" : $"{identity?.Name ?? "(không rõ)"}{(phone is null ? "" : $", SĐT {phone}")}";
        var lines = new List<string>
        {
            $"📄 Đơn {petition.Code} – {PetitionTexts.Kind(petition.Kind)}",
            $"Lĩnh vực: {petition.Topic} · Thôn: {petition.Village}",
            $"Người gửi: {author}",
            $"Nhận ngày {VietnameseFormat.Date(clock.LocalDate(petition.ReceivedAt))}, hạn trả lời {PetitionTexts.Due(petition, clock)}",
            $"Trạng thái: {PetitionTexts.Status(petition.Status)}",
            "",
            petition.Content,
        };
        if (petition.Photos.Count > 0)
        {
            lines.Add($"🖼 {petition.Photos.Count} ảnh kèm theo");
        }

        if (petition.Latitude is { } lat && petition.Longitude is { } lon)
        {
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"📍 https://maps.google.com/?q={lat},{lon}"));
        }

        lines.Add("");
        lines.Add("Quá trình xử lý:");
        lines.AddRange(petition.History.Select(e =>
            $"• {clock.ToLocal(e.At):dd/MM/yyyy HH:mm} {PetitionTexts.Step(e)} – {e.ByRole}{(e.Note is null ? "" : $": {e.Note}")}"));
        return string.Join('\n', lines);
    }
}
