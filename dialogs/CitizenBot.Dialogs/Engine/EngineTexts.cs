namespace CitizenBot.Dialogs.Engine;

/// <summary>What the engine itself says, whatever the feature.</summary>
public static class EngineTexts
{
    public const string SomethingWentWrong =
        "Xin lỗi ông/bà, hệ thống vừa gặp sự cố khi xử lý yêu cầu. Thông tin của ông/bà không bị mất. Mời ông/bà thử lại từ menu, hoặc để lại câu hỏi cho cán bộ xã.";

    public const string SlowDown =
        "Ông/bà gửi tin nhắn nhanh quá, xin chờ một phút rồi gửi tiếp. Các tin nhắn trong lúc này sẽ không được xử lý. Xin cảm ơn ông/bà.";

    public const string Cancelled = "Đã hủy việc ông/bà đang làm.";

    public const string GeneralHelp =
        "ℹ️ Hướng dẫn: ông/bà chỉ cần bấm các nút bên dưới mỗi tin nhắn.\n"
        + "• Gõ \"menu\" để về menu chính bất cứ lúc nào.\n"
        + "• Gõ \"hủy\" để dừng việc đang làm.\n"
        + "• Gõ \"trợ giúp\" để xem hướng dẫn này.\n"
        + "Ông/bà có thể gõ tiếng Việt có dấu hoặc không dấu.";
}
