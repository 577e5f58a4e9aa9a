using System.Globalization;
using System.Text;
using CitizenBot.Core.Guide;

namespace CitizenBot.Dialogs.Guide;

/// <summary>What the procedures guide says to citizens.</summary>
public static class GuideTexts
{
    public const string MenuLabel = "📚 Hướng dẫn thủ tục";

    public const string MenuHelp = "giấy tờ cần mang, lệ phí, thời gian và nơi nộp của các thủ tục thường gặp.";

    public static readonly string[] MenuSynonyms = ["huong dan thu tuc", "thu tuc", "thu tuc hanh chinh", "hoi thu tuc", "huong dan"];

    /// <summary>Said instead of a detail the guide does not hold (not verified yet).</summary>
    public const string AskDesk = "xin hỏi cán bộ một cửa";

    public const string AskWhich =
        "Ông/bà cần làm thủ tục gì? Xin gõ tên thủ tục hoặc việc cần làm (ví dụ: \"làm giấy khai sinh cho con\"), hoặc bấm một thủ tục bên dưới:";

    public const string AskWhichEmpty =
        "Ông/bà cần làm thủ tục gì? Xin gõ tên thủ tục hoặc việc cần làm (ví dụ: \"làm giấy khai sinh cho con\").";

    public const string Greeting =
        "Kính chào ông/bà! Tôi là trợ lý trực tuyến của UBND xã. Ông/bà có thể gõ thủ tục cần làm (ví dụ: \"làm giấy khai sinh\") hoặc bấm một nút bên dưới.";

    public const string Thanks = "Dạ, không có gì ạ! Rất vui được giúp ông/bà. Nếu cần gì thêm, ông/bà cứ nhắn hoặc bấm một nút bên dưới.";

    public const string DidYouMean =
        "Có phải ông/bà muốn hỏi về một trong các mục sau? Xin bấm để xem; nếu không phải, ông/bà bấm \"Gửi câu hỏi cho cán bộ\" hoặc gõ lại câu hỏi:";

    public const string AskLabel = "📨 Gửi câu hỏi cho cán bộ";

    public const string NoLabel = "❌ Không";

    public static string OfferOfficer(int perDay) =>
        "Tôi chưa tìm thấy câu trả lời sẵn cho câu hỏi này trong hướng dẫn thủ tục của xã. "
        + $"Ông/bà có muốn gửi câu hỏi cho cán bộ xã không? (Mỗi ngày ông/bà gửi được tối đa {perDay} câu hỏi; cán bộ trả lời ngay trong cuộc trò chuyện này.)";

    public const string Declined = "Vâng, câu hỏi chưa được gửi. Ông/bà có thể gõ câu hỏi khác, hoặc chọn trong menu bên dưới.";

    public const string NotUnderstood =
        "Xin lỗi, tôi chưa hiểu ý ông/bà. Ông/bà có thể gõ thủ tục cần làm (ví dụ: \"làm giấy khai sinh\", \"xác nhận độc thân\"), hoặc bấm một nút bên dưới.";

    public const string Withdrawn = "Thủ tục này đang được cán bộ xã cập nhật nên tạm chưa hiển thị. Xin ông/bà hỏi cán bộ hoặc chọn trong menu.";

    public const string PickRetry = "Xin ông/bà bấm một nút bên dưới, hoặc gõ lại câu hỏi.";

    public static string Entry(GuideEntry entry, TimeZoneInfo zone)
    {
        static string Or(string value) => string.IsNullOrWhiteSpace(value) ? AskDesk : value.Trim();
        var text = new StringBuilder()
            .Append("📋 ").Append(entry.Name).Append('\n')
            .Append("• Giấy tờ cần mang: ").Append(Or(entry.Papers)).Append('\n')
            .Append("• Lệ phí: ").Append(Or(entry.Fee)).Append('\n')
            .Append("• Thời gian giải quyết: ").Append(Or(entry.ProcessingTime)).Append('\n')
            .Append("• Nơi nộp: ").Append(Or(entry.Place)).Append('\n');
        if (!string.IsNullOrWhiteSpace(entry.OnlineLink))
        {
            text.Append("• Nộp trực tuyến: ").Append(entry.OnlineLink.Trim()).Append('\n');
        }

        text.Append("• Căn cứ pháp lý: ").Append(entry.LegalBasis.Trim()).Append('\n');
        if (entry.ConfirmedAt is { } at)
        {
            text.Append("Thông tin do cán bộ xã xác nhận ngày ")
                .Append(TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(". ");
        }

        return text.Append("Nếu còn thắc mắc, ông/bà bấm \"Hỏi cán bộ\".").ToString();
    }
}
