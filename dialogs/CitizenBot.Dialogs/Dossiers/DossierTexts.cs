using System.Text;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;

namespace CitizenBot.Dialogs.Dossiers;

/// <summary>Everything the dossier lookup says.</summary>
public static class DossierTexts
{
    public const string MenuLabel = "🔎 Tra cứu hồ sơ";

    /// <summary>The menu's help line for this button.</summary>
    public const string MenuHelp = "xem hồ sơ đã nộp đến đâu (cần mã hồ sơ trên giấy biên nhận).";

    public static readonly string[] MenuSynonyms = ["tra cuu", "tra cuu ho so", "ho so", "xem ho so", "kiem tra ho so", "tra ho so"];

    public static readonly string AskCode =
        $"Mời ông/bà nhập mã hồ sơ (in trên giấy biên nhận), ví dụ: {DossierCode.Example}";

    public static readonly string CodeMalformed =
        $"Mã hồ sơ chưa đúng dạng. Mã hồ sơ gồm chữ và số, ví dụ {DossierCode.Example} (có thể gõ không cần dấu gạch, không phân biệt chữ hoa, chữ thường).";

    public const string Help =
        "ℹ️ Mã hồ sơ được in trên giấy biên nhận mà Bộ phận Một cửa đưa cho ông/bà khi nộp hồ sơ. "
        + "Nếu không tìm thấy giấy biên nhận, xin bấm \"Hỏi cán bộ\".";

    public static string NotFound(string input) =>
        $"Xin lỗi ông/bà, tôi không tìm thấy hồ sơ có mã \"{Shorten(input)}\".\n"
        + $"Mã hồ sơ có dạng {DossierCode.Example}, in ở phía trên giấy biên nhận. Ông/bà vui lòng kiểm tra và nhập lại, hoặc hỏi cán bộ xã.";

    public static string PartialCode(string input) =>
        $"\"{Shorten(input)}\" mới là một phần của mã hồ sơ. Để bảo vệ thông tin của người dân, tôi chỉ tra cứu theo mã đầy đủ.\n"
        + $"Xin ông/bà nhập đủ mã như in trên giấy biên nhận, gồm cả phần chữ ở đầu, ví dụ {DossierCode.Example}.";

    public const string TooManyLookups =
        "Ông/bà đã tra cứu nhiều hồ sơ trong một giờ qua. Để bảo vệ thông tin của người dân, xin ông/bà vui lòng tra cứu tiếp sau ít phút, "
        + "hoặc liên hệ Bộ phận Một cửa UBND xã để được giúp đỡ.";

    public static string Details(Dossier d, CommuneClock clock, CommuneOptions commune)
    {
        var text = new StringBuilder()
            .AppendLine($"📄 Hồ sơ {d.Code}")
            .AppendLine($"• Thủ tục: {d.Procedure}")
            .AppendLine($"• Lĩnh vực: {(d.Field.Length > 0 ? d.Field : "—")}")
            .AppendLine($"• Người nộp: {PersonalData.MaskName(d.Applicant)}")
            .AppendLine($"• Trạng thái: {DossierStatusWords.InWords(d.Status)}")
            .AppendLine($"• Ngày tiếp nhận: {VietnameseFormat.Date(clock.LocalDate(d.ReceivedAt))}");
        var due = clock.LocalDate(d.DueAt);
        if (d.IsFinished)
        {
            text.AppendLine($"• Hạn trả kết quả: {VietnameseFormat.Date(due)}");
            if (d.ResolvedAt is { } resolved)
            {
                text.AppendLine($"• Ngày trả kết quả: {VietnameseFormat.Date(clock.LocalDate(resolved))}");
            }

            if (d.Status == DossierStatus.Resolved)
            {
                text.AppendLine().AppendLine(DossierPickupTexts.HowToCollect(d, commune));
            }
        }
        else
        {
            text.AppendLine($"• Hạn trả kết quả: {VietnameseFormat.Date(due)} ({VietnameseFormat.DueDistance(due, clock.Today)})");
            if (due < clock.Today)
            {
                text.AppendLine("🙏 UBND xã thành thật xin lỗi ông/bà vì hồ sơ bị chậm. Cán bộ đang khẩn trương giải quyết; ông/bà có thể theo dõi hồ sơ để được báo ngay ngày hẹn mới.");
            }
            else if (d.Status == DossierStatus.AwaitingSupplement)
            {
                text.AppendLine("⚠️ Hồ sơ cần bổ sung giấy tờ: xin ông/bà liên hệ Bộ phận Một cửa UBND xã.");
            }
        }

        return text.ToString().TrimEnd();
    }

    public const string FollowLabel = "🔔 Theo dõi hồ sơ này";
    public const string UnfollowLabel = "🔕 Bỏ theo dõi hồ sơ này";
    public const string AnotherLabel = "🔎 Tra cứu mã khác";
    public const string RetryLabel = "✏️ Nhập lại mã";
    public const string OfficerLabel = "🙋 Hỏi cán bộ";

    public const string AskDigits =
        "Để bảo vệ thông tin của người nộp, xin ông/bà nhập 4 số cuối của số điện thoại đã ghi trong hồ sơ.";

    public const string DigitsMalformed = "Xin ông/bà nhập đúng 4 chữ số (ví dụ: 5678).";

    public static string WrongDigits(int triesLeft) =>
        $"Bốn số cuối chưa khớp với số điện thoại trong hồ sơ. Ông/bà còn {triesLeft} lần thử.";

    public const string DigitsNotMatched =
        "Bốn số cuối vẫn chưa khớp với số điện thoại trong hồ sơ nên chưa thể đăng ký theo dõi. Nếu số điện thoại đã thay đổi, xin ông/bà hỏi cán bộ xã.";

    public static string FollowLocked(string until) =>
        $"Vì an toàn thông tin của người nộp, việc đăng ký theo dõi hồ sơ này đang tạm khóa do có nhiều lần nhập sai số điện thoại. "
        + $"Xin ông/bà vui lòng thử lại sau {until}, hoặc liên hệ Bộ phận Một cửa UBND xã để được giúp đỡ.";

    public static string Followed(string code) =>
        $"✅ Đã đăng ký theo dõi hồ sơ {code}. Khi hồ sơ có thay đổi, tôi sẽ nhắn ngay cho ông/bà. Xin cảm ơn ông/bà!";

    public static string AlreadyFollowing(string code) => $"Ông/bà đã theo dõi hồ sơ {code} từ trước; mọi thay đổi sẽ được báo ngay.";

    public static string Unfollowed(string code) => $"Đã bỏ theo dõi hồ sơ {code}. Ông/bà vẫn có thể tra cứu bất cứ lúc nào.";

    public const string NoPhoneOnFile = "Hồ sơ này chưa có số điện thoại nên chưa thể đăng ký theo dõi qua tin nhắn. Xin ông/bà hỏi cán bộ xã.";

    private static string Shorten(string input)
    {
        var trimmed = input.Trim();
        return trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…";
    }
}
