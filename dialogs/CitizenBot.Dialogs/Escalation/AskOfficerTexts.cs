namespace CitizenBot.Dialogs.Escalation;

/// <summary>What the "ask an officer" flow says.</summary>
public static class AskOfficerTexts
{
    public const string MenuLabel = "🙋 Hỏi cán bộ";

    /// <summary>The menu's help line for this button.</summary>
    public const string MenuHelp = "gửi câu hỏi tới cán bộ xã.";

    public static readonly string[] MenuSynonyms = ["hoi can bo", "hoi", "can bo", "gap can bo", "lien he"];

    public const string AskQuestion =
        "Mời ông/bà gõ câu hỏi hoặc việc cần hỏi cán bộ xã (ngắn gọn, không cần ghi số căn cước). Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này.";

    public const string Help = "ℹ️ Ông/bà chỉ cần gõ câu hỏi rồi gửi. Câu hỏi được chuyển tới cán bộ Bộ phận Một cửa UBND xã.";

    public static string Sent(string tag) =>
        $"✅ Đã chuyển câu hỏi tới cán bộ xã (mã câu hỏi {tag}). Cán bộ sẽ trả lời ông/bà trong giờ hành chính. Xin cảm ơn ông/bà đã liên hệ!";

    public static string Forwarded(string tag) =>
        $"Câu này tôi chưa tự trả lời được, nên đã chuyển tới cán bộ xã (mã câu hỏi {tag}). Cán bộ sẽ trả lời ông/bà ngay trong cuộc trò chuyện này. "
        + "Trong lúc chờ, ông/bà có thể dùng các nút bên dưới.";

    public const string OpenTitle = "📥 Câu hỏi đang chờ trả lời:";

    public static string MoreOpen(int count) => $"… và {count} câu hỏi khác: xem đầy đủ trên trang cán bộ (/officer).";

    public const string NoneOpen = "Không có câu hỏi nào đang chờ trả lời. Cảm ơn các đồng chí!";

    public const string AnswerUsage = "Cách dùng: /traloi Q-XXXX <nội dung trả lời>";

    public static string Answered(string tag) => $"✅ Đã gửi câu trả lời {tag} tới công dân.";

    public static string AlreadyAnswered(string tag) => $"Câu hỏi {tag} đã được trả lời trước đó; câu trả lời mới không được gửi.";

    public static string WasDismissed(string tag) => $"Câu hỏi {tag} đã được gác lại trên trang cán bộ (không hợp lệ hoặc trùng lặp); câu trả lời không được gửi.";

    public static string NotFound(string tag) => $"Không tìm thấy câu hỏi {tag}.";

    public static string FlowName(string dialogId) => dialogId switch
    {
        "dossier.lookup" => "Tra cứu hồ sơ",
        "" or "main" => "Menu chính",
        _ => dialogId,
    };

    public static string TooMany(int perDay, string? communePhone) =>
        $"Ông/bà đã gửi {perDay} câu hỏi cho cán bộ trong 24 giờ qua. Cán bộ sẽ trả lời lần lượt ngay tại đây; "
        + $"xin ông/bà chờ câu trả lời trước khi hỏi thêm. {Urgent(communePhone)} Xin cảm ơn ông/bà.";

    /// <summary>The limit per sender: many conversations from one account or one network address.</summary>
    public static string TooManyFromSender(int perDay, bool webAddress, string? communePhone) =>
        $"Trong 24 giờ qua đã có {perDay} câu hỏi gửi cán bộ từ "
        + (webAddress ? "cùng mạng Internet (Wi-Fi, mạng di động) với ông/bà" : "tài khoản của ông/bà")
        + ", nên tạm thời chưa nhận thêm câu hỏi. Các câu hỏi đã gửi vẫn được cán bộ trả lời lần lượt. "
        + $"{Urgent(communePhone)} Ông/bà vẫn dùng được các mục khác trong menu. Xin cảm ơn ông/bà.";

    private static string Urgent(string? communePhone) => communePhone is null
        ? "Việc gấp xin ông/bà gọi điện hoặc đến trực tiếp UBND xã."
        : $"Việc gấp xin ông/bà gọi điện cho UBND xã theo số {communePhone}.";
}
