namespace CitizenBot.Core.Privacy;

/// <summary>What the bot tells citizens about their data.</summary>
public static class PrivacyTexts
{
    public const string LegalBasis = "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP";

    public static string Notice(int retentionMonths) =>
        "🔒 Về dữ liệu cá nhân: để giải quyết việc của ông/bà, UBND xã lưu các tin nhắn, số điện thoại, họ tên và nội dung ông/bà gửi "
        + $"(lịch hẹn, kiến nghị, câu hỏi, đánh giá), chỉ dùng cho việc đó và xóa sau {retentionMonths} tháng không dùng đến. "
        + $"Ông/bà có quyền xem, tải về, xóa dữ liệu và rút lại sự đồng ý bất cứ lúc nào ở mục \"Dữ liệu của tôi\" ({LegalBasis}).";
}
