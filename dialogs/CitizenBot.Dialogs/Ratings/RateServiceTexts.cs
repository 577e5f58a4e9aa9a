namespace CitizenBot.Dialogs.Ratings;

/// <summary>The rating conversation's words.</summary>
public static class RateServiceTexts
{
    public const string MenuLabel = "⭐ Đánh giá sự phục vụ";

    /// <summary>The menu's help line for this button.</summary>
    public const string MenuHelp = "cho biết ông/bà có hài lòng với sự phục vụ của xã không.";
    public static readonly string[] MenuSynonyms = ["danh gia", "danh gia su phuc vu", "hai long", "gop y"];

    public const string Help =
        "ℹ️ Đánh giá: ông/bà chọn lĩnh vực đã được phục vụ, chọn mức độ hài lòng và có thể ghi thêm ý kiến. Mọi ý kiến đều được lãnh đạo xã đọc.";

    public const string AskField = "Ông/bà muốn đánh giá sự phục vụ trong lĩnh vực nào?";

    public const string AskLevel = "Ông/bà hài lòng với sự phục vụ ở mức nào?";

    public const string AskComment = "Ông/bà có muốn góp ý thêm không? Xin gõ ý kiến, hoặc bấm \"Bỏ qua\".";

    public const string AskWhatWentWrong =
        "Chúng tôi rất tiếc vì chưa làm ông/bà hài lòng. Xin ông/bà cho biết điều gì chưa tốt để lãnh đạo xã khắc phục (hoặc bấm \"Bỏ qua\"):";

    public const string SkipLabel = "⏭ Bỏ qua";

    /// <summary>Follows the thank-you letter of a "Không hài lòng" rating.</summary>
    public const string SorryUnsatisfied =
        "🙏 UBND xã xin lỗi ông/bà vì những điều chưa tốt. Ý kiến của ông/bà đã được chuyển ngay tới lãnh đạo xã để xem xét, khắc phục.";

    public static string AlreadyRated(string title) => $"Ông/bà đã đánh giá {title} rồi. Xin cảm ơn ông/bà!";

    public const string InvitationGone = "Lời mời đánh giá này không còn hiệu lực. Ông/bà vẫn có thể đánh giá từ menu. Xin cảm ơn!";
}
