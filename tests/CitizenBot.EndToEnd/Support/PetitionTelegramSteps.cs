using System.Text.RegularExpressions;

namespace CitizenBot.EndToEnd.Support;

/// <summary>The petition conversation through Telegram, as a citizen goes through it.</summary>
public static partial class PetitionTelegramSteps
{
    public static async Task<string> SubmitPetitionAsync(this FakeBotApiServer telegram, long chat, string kind, string topic, string name, string phone, string content)
    {
        telegram.SendText(chat, "/start");
        await telegram.WaitForAsync(chat, "Ông/bà cần giúp gì?");
        telegram.Press(chat, "Gửi kiến nghị, phản ánh");
        await telegram.WaitForAsync(chat, "loại đơn nào");
        telegram.Press(chat, kind);
        await telegram.WaitForAsync(chat, "lĩnh vực nào");
        telegram.Press(chat, topic);
        await telegram.WaitForAsync(chat, "thôn nào");
        telegram.Press(chat, "Thôn Hai");
        await telegram.WaitForAsync(chat, "trình bày nội dung");
        telegram.SendText(chat, content);
        await telegram.WaitForAsync(chat, "ảnh kèm theo không");
        telegram.Press(chat, "Bỏ qua");
        await telegram.WaitForAsync(chat, "gửi vị trí");
        telegram.Press(chat, "Bỏ qua");
        if (kind.StartsWith("Kiến nghị", StringComparison.Ordinal))
        {
            await telegram.WaitForAsync(chat, "hay gửi ẩn danh");
            telegram.Press(chat, "Để lại họ tên");
        }

        await telegram.WaitForAsync(chat, "họ và tên");
        telegram.SendText(chat, name);
        await telegram.WaitForAsync(chat, "số điện thoại");
        telegram.SendText(chat, phone);
        await telegram.WaitForAsync(chat, "kiểm tra lại đơn");
        telegram.Press(chat, "✅ Có");
        var received = await telegram.WaitForAsync(chat, "đã tiếp nhận đơn");
        return Code().Match(received.Text).Value;
    }

    [GeneratedRegex("(KN|KH|TC)-[A-Z0-9]{6}")]
    private static partial Regex Code();
}
