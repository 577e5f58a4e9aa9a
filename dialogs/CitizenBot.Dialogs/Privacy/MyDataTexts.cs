using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;

namespace CitizenBot.Dialogs.Privacy;

/// <summary>What "Dữ liệu của tôi" says.</summary>
public static class MyDataTexts
{
    public const string MenuLabel = "🔒 Dữ liệu của tôi";

    /// <summary>The menu's help line for this button.</summary>
    public const string MenuHelp = "xem, tải về hoặc xóa dữ liệu của ông/bà mà xã đang lưu, hoặc rút lại sự đồng ý.";

    public static readonly IReadOnlyList<string> MenuSynonyms = ["du lieu cua toi", "du lieu", "thong tin ca nhan", "xoa du lieu", "/dulieu"];

    public const string Help =
        "ℹ️ Dữ liệu của tôi: xem những gì UBND xã đang lưu về ông/bà, tải về thành tệp, xóa, hoặc rút lại sự đồng ý xử lý dữ liệu cá nhân.";

    public const string ViewLabel = "👁 Xem chi tiết";
    public const string ExportLabel = "📥 Tải về (tệp)";
    public const string EraseLabel = "🗑 Xóa dữ liệu của tôi";
    public const string WithdrawLabel = "✋ Rút lại sự đồng ý";

    public static string Overview(IReadOnlyList<(string Section, int Count)> sections)
    {
        var held = sections.Where(s => s.Count > 0).ToList();
        return "🔒 Dữ liệu UBND xã đang lưu về ông/bà:\n"
            + (held.Count == 0 ? "• Không có gì ngoài cuộc trò chuyện này.\n" : string.Join('\n', held.Select(s => $"• {s.Section}: {s.Count}")) + "\n")
            + $"Dữ liệu chỉ dùng để giải quyết việc của ông/bà ({PrivacyTexts.LegalBasis}). Ông/bà muốn làm gì?";
    }

    /// <summary>The records in full, one message per section (long sections are cut at 20 records; the file has them all).</summary>
    public static IEnumerable<string> Details(IEnumerable<(string Section, List<PersonalRecord> Records)> sections)
    {
        var any = false;
        foreach (var (section, records) in sections.Where(s => s.Records.Count > 0))
        {
            any = true;
            var lines = records.Take(20).Select(r => $"• {r.Title}: " + string.Join("; ", r.Fields.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"{f.Key}: {f.Value}")));
            yield return $"📂 {section} ({records.Count}):\n" + string.Join('\n', lines) + (records.Count > 20 ? "\n… (xem đủ trong tệp tải về)" : "");
        }

        if (!any)
        {
            yield return "UBND xã không lưu dữ liệu nào khác về ông/bà.";
        }
    }

    public const string Exported = "📥 Toàn bộ dữ liệu UBND xã đang lưu về ông/bà (tệp JSON, mở bằng bất kỳ trình soạn thảo nào).";

    public const string ConfirmErase =
        "Xóa dữ liệu của ông/bà: lịch hẹn sắp tới sẽ bị hủy, ngừng theo dõi hồ sơ và nhận thông báo, xóa tin nhắn, câu hỏi, góp ý. "
        + "Đơn đang được giải quyết vẫn được giữ đến khi có kết quả (theo quy định về khiếu nại, tố cáo). Ông/bà chắc chắn muốn xóa?";

    public const string ConfirmWithdraw =
        "Rút lại sự đồng ý: UBND xã sẽ xóa dữ liệu của ông/bà như trên và không gửi thêm tin nhắn nào (nhắc lịch, thông báo, thư). "
        + "Ông/bà chắc chắn muốn rút lại sự đồng ý?";

    public const string NothingErased = "Dữ liệu của ông/bà được giữ nguyên.";

    public static string Erased(ErasureResult result, bool withdraw) =>
        $"✅ Đã xóa {result.Erased} mục dữ liệu của ông/bà."
        + (result.KeptByLaw > 0 ? $" {result.KeptByLaw} đơn đang được giải quyết vẫn được giữ đến khi có kết quả, theo quy định." : "")
        + (withdraw
            ? " Ông/bà đã rút lại sự đồng ý: UBND xã sẽ không gửi thêm tin nhắn nào. Nếu ông/bà nhắn lại, trợ lý sẽ hỏi lại sự đồng ý của ông/bà."
            : " Xin cảm ơn ông/bà.");
}
