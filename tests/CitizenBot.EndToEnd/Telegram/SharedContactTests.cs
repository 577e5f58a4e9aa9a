using CitizenBot.Dialogs.Engine;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Telegram;

/// <summary>A shared contact card counts as the sender's phone only when it is the sender's own.</summary>
public sealed class SharedContactTests : TelegramScenario
{
    private const long Citizen = 6101;

    private async Task UpToPhoneAsync()
    {
        Telegram.SendText(Citizen, "/start");
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Telegram.Press(Citizen, "Đặt lịch tiếp công dân");
        await Telegram.WaitForAsync(Citizen, "Mời ông/bà chọn ngày");
        Telegram.Press(Citizen, "10/12/2026");
        await Telegram.WaitForAsync(Citizen, "Mời ông/bà chọn giờ");
        Telegram.Press(Citizen, "07:30–");
        await Telegram.WaitForAsync(Citizen, "trình bày về việc gì");
        Telegram.Press(Citizen, "Đất đai");
        await Telegram.WaitForAsync(Citizen, "nói ngắn gọn nội dung");
        Telegram.SendText(Citizen, "Hỏi về thủ tục tách thửa đất");
        await Telegram.WaitForAsync(Citizen, "họ và tên");
        Telegram.SendText(Citizen, "Nguyễn Văn An");
        await Telegram.WaitForAsync(Citizen, "số điện thoại để cán bộ liên hệ");
    }

    [Fact]
    public async Task Someone_elses_contact_card_is_not_taken_as_the_senders_phone_and_the_phone_is_asked_again()
    {
        await UpToPhoneAsync();

        Telegram.ShareContact(Citizen, "+84987654321", contactUserId: 4242);
        var retry = await Telegram.WaitForAsync(Citizen, PromptTexts.PhoneRetry);
        Assert.True(retry.RequestsContact);

        Telegram.ShareContact(Citizen, "+84912345678");
        var summary = await Telegram.WaitForAsync(Citizen, "kiểm tra lại thông tin đặt lịch");
        Assert.Contains("0912", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Telegram.SentTo(Citizen), m => m.Text.Contains("0987", StringComparison.Ordinal) || m.Text.Contains("987 654", StringComparison.Ordinal));
    }
}
