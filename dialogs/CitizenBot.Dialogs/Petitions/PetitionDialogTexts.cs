using CitizenBot.Core.Commune;
using CitizenBot.Core.Petitions;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>The petition conversation's words.</summary>
public static class PetitionDialogTexts
{
    public const string MenuLabel = "📮 Gửi kiến nghị, phản ánh";

    /// <summary>The menu's help line for this button.</summary>
    public const string MenuHelp = "gửi kiến nghị, phản ánh, khiếu nại hoặc tố cáo tới xã, có thể kèm ảnh.";
    public static readonly string[] MenuSynonyms = ["kien nghi", "phan anh", "gui kien nghi", "khieu nai", "to cao", "gop y"];

    public const string MineLabel = "📂 Kiến nghị của tôi";

    /// <summary>The menu's help line for this button.</summary>
    public const string MineHelp = "xem đơn đã gửi được giải quyết đến đâu.";
    public static readonly string[] MineSynonyms = ["kien nghi cua toi", "don cua toi", "xem kien nghi"];

    public const string Help =
        "ℹ️ Gửi kiến nghị, phản ánh: chọn loại đơn, lĩnh vực, thôn, viết nội dung, có thể gửi kèm ảnh. "
        + "Mỗi đơn có mã để theo dõi và đều được trả lời. Người tố cáo được pháp luật bảo vệ bí mật danh tính.";

    public const string AskKind =
        "Ông/bà muốn gửi loại đơn nào?\n"
        + "• Kiến nghị, phản ánh: góp ý, báo việc cần giải quyết (có thể gửi ẩn danh).\n"
        + "• Khiếu nại: đề nghị xem xét lại một quyết định, việc làm của cơ quan, cán bộ.\n"
        + "• Tố cáo: báo hành vi vi phạm pháp luật; danh tính người tố cáo được giữ bí mật tuyệt đối.";

    public const string AskTopic = "Xin ông/bà cho biết nội dung thuộc lĩnh vực nào?";

    public static readonly IReadOnlyList<string> Topics =
        ["Đất đai, xây dựng", "Môi trường, vệ sinh", "Giao thông, điện, nước", "An ninh, trật tự", "Chính sách xã hội", "Cán bộ, công chức", "Lĩnh vực khác"];

    public const string AskVillage = "Xin ông/bà cho biết việc này ở thôn nào?";

    public const string OtherVillage = "Không thuộc thôn nào / không rõ";

    public static string AskContent(int min, int max) =>
        $"Xin ông/bà trình bày nội dung: việc gì, ở đâu, từ khi nào, đề nghị gì (từ {min} đến {max} ký tự).";

    /// <param name="how">How this channel sends a photo (<see cref="Engine.ChannelHints.HowToSendPhoto"/>).</param>
    public static string AskPhotos(string how) => $"Ông/bà có ảnh kèm theo không? Xin gửi ảnh ngay bây giờ ({how}), hoặc bấm \"Bỏ qua\".";

    /// <param name="how">How this channel sends a location (<see cref="Engine.ChannelHints.HowToSendLocation"/>).</param>
    public static string AskLocation(string how) => $"Ông/bà có thể gửi vị trí nơi xảy ra sự việc ({how}), hoặc bấm \"Bỏ qua\".";

    public static string LocationRetryFor(string how) => $"Xin ông/bà gửi vị trí ({how}), hoặc bấm \"Bỏ qua\".";

    public static readonly string LocationRetry = LocationRetryFor("bấm 📎 rồi chọn \"Vị trí\"");

    public const string SkipLabel = "⏭ Bỏ qua";

    public const string AskAnonymity = "Ông/bà muốn để lại họ tên, số điện thoại để cán bộ liên hệ, hay gửi ẩn danh?";

    public const string NamedLabel = "👤 Để lại họ tên, số điện thoại";

    public const string AnonymousLabel = "🕶 Gửi ẩn danh";

    public const string IdentityRequired =
        "Theo quy định, đơn khiếu nại và tố cáo cần có họ tên, số điện thoại của người gửi. "
        + "Với đơn tố cáo, danh tính của ông/bà được mã hóa và chỉ lãnh đạo UBND xã được xem.";

    public const string AskName = "Xin cho biết họ và tên của ông/bà:";

    /// <param name="how">How this channel gives a phone number (<see cref="Engine.ChannelHints.HowToGivePhone"/>).</param>
    public static string AskPhone(string how) => $"Xin cho biết số điện thoại ({how}):";

    public static string Summary(PetitionKind kind, string topic, string village, string content, int photos, bool location, bool anonymous, string? name, string? phone) =>
        "Xin ông/bà kiểm tra lại đơn:\n"
        + $"📌 Loại: {PetitionTexts.Kind(kind)}\n🗂 Lĩnh vực: {topic}\n🏘 Thôn: {village}\n"
        + $"📝 Nội dung: {content}\n"
        + (photos > 0 ? $"🖼 Ảnh kèm theo: {photos}\n" : "")
        + (location ? "📍 Có vị trí kèm theo\n" : "")
        + (anonymous ? "🕶 Gửi ẩn danh\n" : $"👤 {name} · 📱 {phone}\n")
        + "\nÔng/bà xác nhận gửi đơn?";

    public static string Submitted(Petition petition, CommuneClock clock) =>
        $"✅ UBND xã đã tiếp nhận đơn của ông/bà. Mã theo dõi: {petition.Code}\n"
        + $"Hạn trả lời: {PetitionTexts.Due(petition, clock)}. Mỗi bước xử lý sẽ được báo ngay tại đây.\n"
        + "Xin chân thành cảm ơn ông/bà đã đóng góp ý kiến!"
        + (petition.Kind == PetitionKind.Denunciation ? "\n🔒 Danh tính của ông/bà được mã hóa và giữ bí mật theo Luật Tố cáo." : "");

    public const string NotSent = "Đơn chưa được gửi. Khi cần, ông/bà có thể gửi lại từ menu.";

    public const string NoPetitions = "Ông/bà chưa gửi kiến nghị nào.";

    public static string Mine(IEnumerable<Petition> petitions, CommuneClock clock, Func<Petition, DateOnly?>? reopenUntil = null) =>
        "📂 Các đơn ông/bà đã gửi:\n\n" + string.Join("\n\n", petitions.Select(p =>
            $"{p.Code} – {PetitionTexts.Kind(p.Kind)} – {p.Topic}\nTrạng thái: {PetitionTexts.Status(p.Status)}"
            + (p.History[^1].Reopened ? " (mở lại để xem xét lại)" : "")
            + $" (cập nhật {VietnameseFormat.Date(clock.LocalDate(p.History[^1].At))})"
            + (p.IsOpen ? $"\nHạn trả lời: {PetitionTexts.Due(p, clock)}" : "")
            + (reopenUntil?.Invoke(p) is { } until && until >= clock.Today
                ? $"\nNếu chưa hài lòng với kết quả, ông/bà có thể đề nghị xem xét lại đến hết ngày {VietnameseFormat.Date(until)}."
                : "")));

    public static string ReopenLabel(string code) => $"🔁 Chưa hài lòng, đề nghị xem xét lại {code}";

    public static string AskReopenReason(string code, int min, int max) =>
        $"Xin ông/bà cho biết vì sao chưa hài lòng với kết quả trả lời đơn {code} và đề nghị xã xem xét thêm điều gì (từ {min} đến {max} ký tự).";

    public static string ReopenTooLate(string code, int days, DateOnly until) =>
        $"Rất tiếc, đơn {code} chỉ có thể đề nghị xem xét lại trong {days} ngày sau khi có kết quả trả lời (đến hết ngày {VietnameseFormat.Date(until)}). "
        + "Nếu vẫn chưa đồng ý với kết quả, ông/bà có thể gửi đơn mới (bấm \"📮 Gửi đơn mới\" và ghi mã đơn cũ trong nội dung), "
        + "hoặc đặt lịch đến gặp trực tiếp tại buổi tiếp công dân của UBND xã. Xin cảm ơn ông/bà.";

    public static string ReopenNotAnswered(string code) =>
        $"Đơn {code} hiện không ở trạng thái đã trả lời nên không cần đề nghị xem xét lại. Ông/bà xem trạng thái đơn tại \"📂 Kiến nghị của tôi\".";

    public const string NewLabel = "📮 Gửi đơn mới";
}
