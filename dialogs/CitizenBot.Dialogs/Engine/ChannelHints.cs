using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>
/// The few words of an instruction that depend on the app the citizen writes from: where its attach button is, whether it
/// has a contact button, whether a reminder reaches the phone. Telegram: 📎 and "📱 Gửi số điện thoại"; Zalo: ⋯ beside the
/// message box and its information form; the web chat: its own "📷 Gửi ảnh" and "📍 Gửi vị trí" buttons, a typed number.
/// </summary>
public static class ChannelHints
{
    private const string Zalo = "zalo";

    /// <summary>The button that opens the photo, file and location choices: 📎 on Telegram, ⋯ beside the message box on Zalo.</summary>
    public static string AttachButton(ChatAddress address) => address.Channel == Zalo ? "⋯" : "📎";

    public static bool IsWeb(ChatAddress address) => address.Channel == ChatAddress.WebChannel;

    /// <summary>How to send a photo, to put in brackets after "gửi ảnh".</summary>
    public static string HowToSendPhoto(ChatAddress address) =>
        IsWeb(address) ? "bấm nút \"📷 Gửi ảnh\" ở cuối trang rồi chọn ảnh" : $"bấm {AttachButton(address)} rồi chọn ảnh";

    /// <summary>How to send a location, to put in brackets after "gửi vị trí".</summary>
    public static string HowToSendLocation(ChatAddress address) =>
        IsWeb(address) ? "bấm nút \"📍 Gửi vị trí\" ở cuối trang" : $"bấm {AttachButton(address)} rồi chọn \"Vị trí\"";

    /// <summary>How to give a phone number: the web chat has no contact button, only the typed number.</summary>
    public static string HowToGivePhone(ChatAddress address) =>
        IsWeb(address) ? "gõ số vào ô nhắn tin, ví dụ 0912 345 678" : "bấm nút \"📱 Gửi số điện thoại\" hoặc gõ số, ví dụ 0912 345 678";

    /// <summary>
    /// Said after a promised reminder: on the web a reminder only shows when the page is opened again, so the citizen learns
    /// it and where reminders reach the phone. Empty on the other channels, whose reminders arrive by themselves.
    /// </summary>
    public static string ReminderNote(ChatAddress address) =>
        IsWeb(address)
            ? "\n\nLưu ý: trên trang web, lời nhắc chỉ hiện khi ông/bà mở lại trang này trên cùng máy. "
              + "Muốn được nhắc ngay trên điện thoại, lần sau ông/bà có thể nhắn cho trợ lý của xã qua Zalo hoặc Telegram."
            : "";
}
