namespace CitizenBot.Channels.Zalo;

/// <summary>What the Zalo channel itself says; the dialogs' texts are shared with the other channels.</summary>
public static class ZaloTexts
{
    /// <summary>The information form's card: pressing it opens Zalo's form with the citizen's own number filled in.</summary>
    public const string FormTitle = "📱 Gửi số điện thoại";

    public const string FormSubtitle = "Bấm vào đây để gửi số điện thoại của ông/bà qua biểu mẫu của Zalo (hoặc gõ số vào ô chat).";

    public const string PickByNumber = "Xin ông/bà gõ số thứ tự để chọn (ví dụ: 1).";

    public const string FileNotSent = "(Tệp kèm theo chưa gửi được qua Zalo; ông/bà có thể nhận tệp tại bộ phận một cửa hoặc qua trang trò chuyện trên web của xã.)";

    public static string Numbered(int number, string label) => $"{number}. {label}";

    /// <summary>Said at the citizen's next message when notices waited for them (outside Zalo's free window).</summary>
    public static string WaitingNotices(int count) => count == 1
        ? "🔔 Ông/bà có 1 thông báo mới của UBND xã (gửi ngay sau đây)."
        : $"🔔 Ông/bà có {count} thông báo mới của UBND xã (gửi ngay sau đây).";

    public static string TokenAlert(string reason) =>
        $"⚠️ Kênh Zalo của xã không làm mới được mã truy cập ({reason}). Tin nhắn Zalo đang phải chờ. Quản trị viên cần cấp lại mã (Zalo:AccessToken, Zalo:RefreshToken) theo hướng dẫn trong README.";
}
