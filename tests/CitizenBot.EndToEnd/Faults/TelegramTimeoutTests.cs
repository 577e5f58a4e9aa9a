using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Faults;

/// <summary>Telegram takes the message but answers too late: the send is not repeated (at most once), and the conversation goes on.</summary>
public sealed class TelegramTimeoutTests : TelegramScenario
{
    private const long Citizen = 7701;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Telegram:RequestTimeoutSeconds"] = "8" };

    [Fact]
    public async Task A_send_that_times_out_is_marked_unconfirmed_and_never_sent_twice()
    {
        Telegram.SendText(Citizen, "/start");
        await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");

        Telegram.AnswerLate(1, TimeSpan.FromSeconds(14));
        Telegram.Press(Citizen, "Tra cứu hồ sơ");
        await Telegram.WaitForAsync(Citizen, "nhập mã hồ sơ");
        var outbox = Bot.Get<Outbox>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(25);
        while (!outbox.All().Any(m => m.Status == OutboxStatus.Unconfirmed))
        {
            Assert.True(DateTime.UtcNow < deadline, "The late answer was never given up on.");
            await Task.Delay(100);
        }

        Bot.Clock.Advance(TimeSpan.FromMinutes(10));
        await Bot.RunOutboxDispatchAsync();
        Telegram.SendText(Citizen, "HS-0000-0000");
        await Telegram.WaitForAsync(Citizen, "không tìm thấy hồ sơ");

        Assert.Single(Telegram.SentTo(Citizen), m => m.Text.Contains("nhập mã hồ sơ", StringComparison.Ordinal));
        var late = Assert.Single(outbox.All(), m => m.Status == OutboxStatus.Unconfirmed);
        Assert.Contains("Timeout", late.Error, StringComparison.Ordinal);
    }
}
