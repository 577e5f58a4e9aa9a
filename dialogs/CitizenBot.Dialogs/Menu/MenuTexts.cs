namespace CitizenBot.Dialogs.Menu;

/// <summary>The main menu's words.</summary>
public static class MenuTexts
{
    public static string Welcome(string communeName) =>
        $"Kính chào ông/bà! Đây là trợ lý trực tuyến của {communeName}: \"Chính quyền thân thiện, vì Nhân dân phục vụ\".\n"
        + "Tin nhắn của ông/bà chỉ được dùng để giải quyết yêu cầu của chính ông/bà.";

    public const string Menu = "Ông/bà cần giúp gì? Xin bấm một nút bên dưới:";

    public const string MenuAgain = "Ông/bà cần giúp gì thêm? Xin bấm một nút bên dưới:";

    public const string NotUnderstood = "Xin lỗi, tôi chưa hiểu ý ông/bà.";

    public const string Retry = "Xin lỗi, tôi chưa hiểu ý ông/bà. Ông/bà có thể bấm một nút bên dưới, hoặc chọn \"Hỏi cán bộ\" để cán bộ xã trả lời.";

    public const string Help =
        "ℹ️ Đây là menu chính:\n"
        + "• \"Tra cứu hồ sơ\": xem hồ sơ đã nộp đến đâu (cần mã hồ sơ trên giấy biên nhận).\n"
        + "• \"Đặt lịch tiếp công dân\": hẹn gặp lãnh đạo, cán bộ xã vào ngày 10 và 20 hằng tháng; \"Lịch hẹn của tôi\" để hủy hoặc đổi lịch.\n"
        + "• \"Đánh giá sự phục vụ\": cho biết ông/bà có hài lòng không.\n"
        + "• \"Hỏi cán bộ\": gửi câu hỏi tới cán bộ xã.\n"
        + "Gõ \"menu\" để quay lại đây bất cứ lúc nào.";
}
