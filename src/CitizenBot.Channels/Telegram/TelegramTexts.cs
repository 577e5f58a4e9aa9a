using Telegram.Bot.Types;

namespace CitizenBot.Channels.Telegram;

/// <summary>What the Telegram channel itself says and registers.</summary>
public static class TelegramTexts
{
    public static readonly BotCommand[] Commands =
    [
        new() { Command = "start", Description = "Bắt đầu" },
        new() { Command = "menu", Description = "Về menu chính" },
        new() { Command = "huy", Description = "Hủy việc đang làm" },
        new() { Command = "trogiup", Description = "Trợ giúp" },
    ];

    public const string GroupHint =
        "Xin chào! Để tra cứu hồ sơ hay hỏi cán bộ, xin ông/bà nhắn tin riêng cho tôi (bấm vào tên trợ lý của xã rồi chọn \"Nhắn tin\"). Nhóm này dùng để nhận thông báo của xã.";

    public const string ButtonExpired = "Nút này đã được bấm rồi.";

    public const string AddedToGroup =
        "Xin chào cả nhóm! Đây là trợ lý trực tuyến của UBND xã. Cán bộ xã gõ /dangkython <tên thôn> để nhóm nhận thông báo của xã; "
        + "bà con nhắn riêng cho trợ lý để tra cứu hồ sơ, đặt lịch hoặc gửi kiến nghị.";
}
