using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Tests.Escalation;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Fuzz;

/// <summary>One account cannot flood the bot or the officers.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly BotHarness _bot = new(limits: new RateLimitOptions());

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_flood_is_told_once_to_slow_down_then_dropped_until_the_minute_has_passed()
    {
        for (var i = 1; i <= 30; i++)
        {
            Assert.NotEmpty(await _bot.TurnAsync(TurnInput.FromText("menu", i)));
        }

        var warned = await _bot.TurnAsync(TurnInput.FromText("menu", 31));
        Assert.Equal(EngineTexts.SlowDown, Assert.Single(warned).Text);
        Assert.Empty(await _bot.TurnAsync(TurnInput.FromText("menu", 32)));
        Assert.Empty(await _bot.TurnAsync(TurnInput.FromText("menu", 33)));

        // Another citizen is not slowed down.
        Assert.NotEmpty(await _bot.SayAsync("menu", new ChatAddress("web", "other0000000000000000000000000000")));

        _bot.Clock.Advance(TimeSpan.FromMinutes(1));
        (await _bot.TurnAsync(TurnInput.FromText("menu", 34))).ShouldSay("cần giúp gì");

        // The dropped updates were marked handled: a redelivery is not replayed.
        Assert.Empty(await _bot.TurnAsync(TurnInput.FromText("menu", 32)));
    }

    [Fact]
    public async Task A_citizen_relays_at_most_five_questions_a_day_to_the_officers()
    {
        for (var i = 0; i < 5; i++)
        {
            _bot.Clock.Advance(TimeSpan.FromMinutes(2));
            await _bot.SayAsync($"Xin hỏi lần thứ {i + 1} về lịch tiêm phòng cho trẻ ở thôn?");
            (await _bot.PressAsync(GuideTexts.AskLabel)).ShouldSay("đã chuyển tới cán bộ xã");
            _bot.DeliverToOfficers();
        }

        _bot.Clock.Advance(TimeSpan.FromMinutes(2));
        await _bot.SayAsync("Xin hỏi lần thứ sáu về lịch tiêm phòng cho trẻ ở thôn?");
        (await _bot.PressAsync(GuideTexts.AskLabel)).ShouldSay("đã gửi 5 câu hỏi");
        await _bot.SayAsync("menu");
        await _bot.PressAsync("Hỏi cán bộ");
        _bot.DeliverToOfficers();
        Assert.Equal(5, _bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100).Count);

        _bot.Clock.Advance(TimeSpan.FromDays(1));
        await _bot.SayAsync("Xin hỏi hôm sau về lịch tiêm phòng cho trẻ ở thôn?");
        (await _bot.PressAsync(GuideTexts.AskLabel)).ShouldSay("đã chuyển tới cán bộ xã");
        Assert.Equal(6, _bot.Get<QuestionBook>().AskedSince(_bot.Address, DateTimeOffset.MinValue));
    }
}
