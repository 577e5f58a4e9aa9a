using CitizenBot.Core.Commune;

namespace CitizenBot.Dialogs.Announcements;

/// <summary>Words of the announcement flows: a citizen subscribing, an officer composing.</summary>
public static class AnnouncementDialogTexts
{
    public const string MenuLabel = "🔔 Nhận thông báo của thôn";

    /// <summary>The menu's help line for this button.</summary>
    public const string MenuHelp = "nhận thông báo của xã gửi tới thôn của ông/bà.";
    public static readonly string[] MenuSynonyms = ["nhan thong bao", "thong bao", "dang ky nhan tin", "thong bao thon"];

    public const string Help = "ℹ️ Chọn thôn của ông/bà để nhận các thông báo của UBND xã (lịch làm việc, đối thoại, chính sách) ngay tại đây. Bấm lần nữa để ngừng nhận.";

    public const string NoVillages = "Xã chưa cấu hình danh sách thôn nên chưa thể đăng ký nhận thông báo. Xin ông/bà thông cảm.";

    public static string Subscriptions(IReadOnlyCollection<string> mine) => mine.Count == 0
        ? "Ông/bà chưa đăng ký nhận thông báo của thôn nào. Xin chọn thôn của ông/bà:"
        : $"Ông/bà đang nhận thông báo của: {string.Join(", ", mine)}. Bấm một thôn để đăng ký thêm hoặc ngừng nhận:";

    public static string VillageLabel(string village, bool subscribed) => subscribed ? $"✅ {village} (bấm để ngừng nhận)" : village;

    public static string Subscribed(string village) => $"✅ Đã đăng ký nhận thông báo của {village}. Xin cảm ơn ông/bà!";

    public static string Unsubscribed(string village) => $"Đã ngừng gửi thông báo của {village} cho ông/bà.";

    public const string AskFile = "Soạn thông báo. Có ảnh hoặc tệp (văn bản, lịch) kèm theo không? Gửi ngay, hoặc bấm \"Bỏ qua\".";

    public static string AskText(int max) => $"Nhập nội dung thông báo (tối đa {max} ký tự):";

    public const string AskVillages = "Gửi tới thôn nào? Bấm từng thôn để chọn hoặc bỏ chọn, rồi bấm \"Xong\".";

    public const string AllLabel = "📣 Tất cả các thôn";

    public const string DoneLabel = "➡️ Xong";

    public const string PickOne = "Xin chọn ít nhất một thôn, hoặc \"Tất cả các thôn\".";

    public static string VillageChoice(string village, bool chosen) => chosen ? $"☑️ {village}" : $"⬜ {village}";

    public static string Preview(string message, IReadOnlyCollection<string> villages, int recipients) =>
        "Xem trước thông báo:\n\n" + message + "\n\n"
        + $"Gửi tới: {(villages.Count == 0 ? "tất cả các thôn" : string.Join(", ", villages))} – {VietnameseFormat.Number(recipients)} nơi nhận (nhóm thôn và người đăng ký).\nGửi đi?";

    public static string Published(string code, int recipients) =>
        $"📤 Đang gửi thông báo {code} tới {VietnameseFormat.Number(recipients)} nơi nhận, theo đúng giới hạn của Telegram. Báo cáo sẽ gửi cho đồng chí khi xong (hoặc gõ /baocaotb {code}).";

    public const string NotPublished = "Thông báo chưa được gửi.";

    public const string NoRecipients = "Chưa có nhóm thôn hoặc người đăng ký nào ở các thôn đã chọn. Cán bộ vào nhóm Zalo/Telegram của thôn, thêm bot rồi gõ /dangkython <tên thôn>.";

    public const string PrivateOnly = "Xin soạn thông báo trong trò chuyện riêng với bot.";

    public const string GroupOnly = "Lệnh này dùng trong nhóm của thôn: thêm bot vào nhóm rồi gõ /dangkython <tên thôn>.";

    public static string RegisterUsage(IEnumerable<string> villages) => $"Cách dùng: /dangkython <tên thôn>. Các thôn: {string.Join(", ", villages)}.";

    public static string Registered(string village) => $"✅ Nhóm này đã được đăng ký nhận thông báo của UBND xã cho {village}.";

    public const string NoSuchAnnouncement = "Không tìm thấy thông báo. Cách dùng: /baocaotb [TB-số]";
}
