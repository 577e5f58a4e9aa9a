namespace CitizenBot.Channels.Zalo;

/// <summary>What the Zalo channel itself says; the dialogs' texts are shared with the other channels.</summary>
public static class ZaloTexts
{
    /// <summary>The information form's card: pressing it opens Zalo's form with the citizen's own number filled in.</summary>
    public const string FormTitle = "📱 Gửi số điện thoại";

    public const string FormSubtitle = "Bấm vào đây để gửi số điện thoại của ông/bà qua biểu mẫu của Zalo (hoặc gõ số vào ô nhắn tin).";

    public const string PickByNumber = "Xin ông/bà gõ số thứ tự để chọn (ví dụ: 1).";

    public const string FileNotSent = "(Tệp kèm theo chưa gửi được qua Zalo; ông/bà có thể nhận tệp tại bộ phận một cửa hoặc qua trang trò chuyện trên web của xã.)";

    public static string Numbered(int number, string label) => $"{number}. {label}";

    /// <summary>Said at the citizen's next message when notices waited for them (outside Zalo's free window).</summary>
    public static string WaitingNotices(int count) => count == 1
        ? "🔔 Ông/bà có 1 thông báo mới của UBND xã (gửi ngay sau đây)."
        : $"🔔 Ông/bà có {count} thông báo mới của UBND xã (gửi ngay sau đây).";

    public static string TokenAlert(string reason) =>
        $"⚠️ Kênh Zalo của xã không làm mới được mã truy cập ({reason}). Tin nhắn Zalo đang phải chờ. Quản trị viên cần cấp lại mã (Zalo:AccessToken, Zalo:RefreshToken) theo hướng dẫn trong README.";

    /// <summary>The steps to authorise the OA again, said wherever the stored tokens stopped working.</summary>
    public const string AuthoriseAgainSteps =
        "Cách cấp lại: (1) đăng nhập developers.zalo.me bằng tài khoản quản trị Official Account của xã, mở ứng dụng của xã; "
        + "(2) cấp quyền lại cho OA (OAuth v4) để lấy mã truy cập (access token) và mã làm mới (refresh token) mới; "
        + "(3) ghi hai mã vào cấu hình Zalo:AccessToken và Zalo:RefreshToken rồi khởi động lại CitizenBot. Tin nhắn Zalo đang chờ sẽ được gửi tiếp.";

    /// <summary>The console's line when a refresh was cut short by a stop and Zalo then refused the stored token.</summary>
    public static string RefreshLostReason(string reason) =>
        $"Lần làm mới mã Zalo bị gián đoạn (máy chủ dừng đột ngột) và Zalo từ chối mã làm mới đã lưu ({reason}). {AuthoriseAgainSteps}";

    public static string RefreshLostAlert(string reason) =>
        $"⚠️ Kênh Zalo của xã mất quyền gửi tin: lần làm mới mã truy cập bị gián đoạn do máy chủ dừng đột ngột, và Zalo từ chối mã làm mới đã lưu ({reason}). "
        + $"Quản trị viên cần cấp lại mã ngay. {AuthoriseAgainSteps}";
}
