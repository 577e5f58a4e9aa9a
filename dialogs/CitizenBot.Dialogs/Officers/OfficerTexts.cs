namespace CitizenBot.Dialogs.Officers;

/// <summary>What officers' commands say in general.</summary>
public static class OfficerTexts
{
    public const string Refused =
        "Xin lỗi, chức năng này chỉ dành cho cán bộ xã. Ông/bà có thể dùng menu để tra cứu hồ sơ, đặt lịch tiếp công dân hoặc gửi ý kiến.";

    public static string RefusedInGroup(string role) => $"Xin lỗi, lệnh này chỉ dành cho người có quyền {role}.";

    public const string PersonalDataOutsideOfficersChat = "Lệnh này chỉ dùng trong nhóm cán bộ hoặc tin nhắn riêng với bot.";

    public const string HelpTitle = "🛠 Các lệnh dành cho cán bộ:";
}
