namespace CitizenBot.Dialogs.Escalation;

/// <summary>What the "ask an officer" flow says.</summary>
public static class AskOfficerTexts
{
    public const string MenuLabel = "🙋 Hỏi cán bộ";

    public static readonly string[] MenuSynonyms = ["hoi can bo", "hoi", "can bo", "gap can bo", "lien he"];

    public const string AskQuestion =
        "Mời ông/bà gõ câu hỏi hoặc việc cần hỏi cán bộ xã (ngắn gọn, không cần ghi số căn cước). Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này.";

    public const string Help = "ℹ️ Ông/bà chỉ cần gõ câu hỏi rồi gửi. Câu hỏi được chuyển tới cán bộ Bộ phận Một cửa UBND xã.";

    public static string Sent(string tag) =>
        $"✅ Đã chuyển câu hỏi tới cán bộ xã (mã câu hỏi {tag}). Cán bộ sẽ trả lời ông/bà trong giờ hành chính. Xin cảm ơn ông/bà đã liên hệ!";

    public static string FlowName(string dialogId) => dialogId switch
    {
        "dossier.lookup" => "Tra cứu hồ sơ",
        "" or "main" => "Menu chính",
        _ => dialogId,
    };
}
