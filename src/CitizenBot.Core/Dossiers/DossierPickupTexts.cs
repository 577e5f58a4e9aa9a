using System.Text;
using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Dossiers;

/// <summary>
/// Where and how a citizen collects a resolved dossier's result: the commune's one-stop desk with its address, hours and
/// phone (when set) and what to bring; for a dossier sent by public post or online, the way it came in is named first.
/// Said by the lookup and by the notice to followers alike.
/// </summary>
public static class DossierPickupTexts
{
    public static string HowToCollect(Dossier dossier, CommuneOptions commune)
    {
        var text = new StringBuilder();
        text.AppendLine(dossier.Channel switch
        {
            DossierChannel.Postal =>
                "📮 Hồ sơ này được nộp qua dịch vụ bưu chính công ích: nếu khi nộp ông/bà đã đề nghị nhận kết quả qua bưu điện, kết quả sẽ được gửi đến địa chỉ ông/bà đã ghi. Nếu không, mời ông/bà đến nhận tại:",
            DossierChannel.OnlineFull =>
                "💻 Hồ sơ này được nộp trực tuyến: nếu khi nộp ông/bà đã chọn nhận kết quả trực tuyến hoặc qua bưu điện, kết quả được trả theo cách đó. Nếu không, mời ông/bà đến nhận tại:",
            _ => "📍 Mời ông/bà đến nhận kết quả tại:",
        });
        text.AppendLine($"• Bộ phận Tiếp nhận và trả kết quả (Một cửa), {commune.Name}");
        if (!string.IsNullOrWhiteSpace(commune.Address))
        {
            text.AppendLine($"• Địa chỉ: {commune.Address.Trim()}");
        }

        text.AppendLine($"• Thời gian: {(string.IsNullOrWhiteSpace(commune.OfficeHours) ? "trong giờ hành chính" : commune.OfficeHours.Trim())}");
        if (!string.IsNullOrWhiteSpace(commune.Phone))
        {
            text.AppendLine($"• Điện thoại: {commune.Phone.Trim()}");
        }

        text.Append("📄 Xin mang theo giấy biên nhận hồ sơ và căn cước (CCCD) của người nộp. Nếu nhờ người khác nhận thay, xin gọi hỏi Bộ phận Một cửa trước về giấy tờ cần mang.");
        return text.ToString();
    }
}
