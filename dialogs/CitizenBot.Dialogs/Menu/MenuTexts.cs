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

    /// <summary>One line when a menu button leaves a flow half done: "Đã dừng việc gửi kiến nghị đang làm dở."</summary>
    public static string LeftUnfinished(string? activity)
    {
        if (activity is null)
        {
            return "Đã dừng việc đang làm dở.";
        }

        var words = string.Concat(activity.SkipWhile(c => !char.IsLetter(c))).Trim();
        return words.Length == 0 ? "Đã dừng việc đang làm dở." : $"Đã dừng việc {char.ToLowerInvariant(words[0])}{words[1..]} đang làm dở.";
    }

    /// <summary>The main menu's help, one line per registered button, so a new feature's button is never missing from it.</summary>
    public static string Help(IEnumerable<MenuEntry> entries) =>
        "ℹ️ Đây là menu chính:\n"
        + string.Concat(entries.Select(e => $"• \"{e.Label}\": {e.Help}\n"))
        + "Gõ \"menu\" để quay lại đây bất cứ lúc nào.";
}
