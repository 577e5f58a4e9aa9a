using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>The words every prompt shares.</summary>
public static class PromptTexts
{
    public const string MenuPayload = "nav:menu";
    public const string CancelPayload = "nav:cancel";
    public const string HelpPayload = "nav:help";
    public const string OfficerPayload = "nav:officer";

    public static Button MenuButton { get; } = new("🏠 Về menu chính", MenuPayload);

    public static Button OfficerButton { get; } = new("🙋 Hỏi cán bộ", OfficerPayload);

    public const string GiveUp =
        "Xin lỗi ông/bà, tôi vẫn chưa nhận được thông tin phù hợp. Ông/bà có thể bắt đầu lại từ menu, hoặc để lại câu hỏi cho cán bộ xã.";

    public const string StaleButton = "Nút này thuộc một câu hỏi trước đó nên đã hết hiệu lực. Mời ông/bà chọn lại:";

    public const string ChoiceRetry = "Xin lỗi, tôi chưa hiểu lựa chọn của ông/bà. Mời ông/bà bấm một nút bên dưới:";

    public const string TextEmpty = "Xin mời ông/bà nhập nội dung (không để trống).";

    public static string TextTooShort(int min) => $"Nội dung hơi ngắn. Xin ông/bà viết ít nhất {min} ký tự.";

    public static string TextTooLong(int max) => $"Nội dung dài quá {max} ký tự. Xin ông/bà viết ngắn gọn hơn.";

    public const string NumberRetry = "Xin ông/bà nhập một số (ví dụ: 2).";

    public static string NumberOutOfRange(int min, int max) => $"Xin ông/bà nhập một số từ {min} đến {max}.";

    public const string DateRetry = "Xin ông/bà nhập ngày theo dạng ngày/tháng/năm, ví dụ 20/12/2026.";

    /// <param name="how">How this channel gives a phone number (<see cref="ChannelHints.HowToGivePhone"/>).</param>
    public static string PhoneRetryFor(string how) => $"Số điện thoại chưa đúng. Xin ông/bà nhập số gồm 10 chữ số ({how}).";

    /// <summary>The retry on Telegram and Zalo, whose contact button (or form) sends the number; the same words as <see cref="ChannelHints.HowToGivePhone"/> gives there.</summary>
    public static readonly string PhoneRetry = PhoneRetryFor("bấm nút \"📱 Gửi số điện thoại\" hoặc gõ số, ví dụ 0912 345 678");

    public const string AttachmentRetry = "Xin ông/bà gửi ảnh hoặc tệp đính kèm, hoặc bấm \"Bỏ qua\".";

    public const string YesLabel = "✅ Có";
    public const string NoLabel = "❌ Không";
}
