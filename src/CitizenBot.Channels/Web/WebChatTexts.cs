namespace CitizenBot.Channels.Web;

/// <summary>What the web chat's endpoints answer when they refuse a photo or a location, in the bot's own words.</summary>
public static class WebChatTexts
{
    public const string NotAPhoto =
        "Xin lỗi ông/bà, tệp vừa chọn không phải là ảnh. Xin ông/bà chọn một ảnh chụp (JPG, PNG hoặc WebP) rồi gửi lại, "
        + "hoặc bấm \"⏭ Bỏ qua\" nếu không có ảnh.";

    public static string TooLarge(int megabytes) =>
        $"Xin lỗi ông/bà, ảnh này lớn quá (tối đa {megabytes} MB). Xin ông/bà chọn ảnh khác hoặc chụp lại với cỡ nhỏ hơn rồi gửi lại.";

    public const string NoPhoto = "Xin lỗi ông/bà, trợ lý chưa nhận được ảnh. Xin ông/bà bấm \"📷 Gửi ảnh\" rồi chọn lại một ảnh.";

    public const string NotAPlace =
        "Xin lỗi ông/bà, vị trí nhận được không đúng. Xin ông/bà bấm \"📍 Gửi vị trí\" để thử lại, hoặc bấm \"⏭ Bỏ qua\".";
}
