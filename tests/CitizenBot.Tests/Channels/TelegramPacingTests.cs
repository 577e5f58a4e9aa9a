using CitizenBot.Channels.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Channels;

public sealed class TelegramPacingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Thirty_sends_a_second_go_at_once_and_the_thirty_first_waits_for_the_window_to_pass()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock, TimeSpan.Zero);
        for (var chat = 1; chat <= 30; chat++)
        {
            Assert.True(pacing.WaitTurnAsync(-chat, CancellationToken.None).IsCompleted);
        }

        var thirtyFirst = pacing.WaitTurnAsync(-31, CancellationToken.None);
        Assert.False(thirtyFirst.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1.1));
        await thirtyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_group_gets_twenty_messages_a_minute_with_a_safety_margin()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock, TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            await pacing.WaitTurnAsync(-100, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            _clock.Advance(TimeSpan.FromSeconds(1.2));
        }

        // The first went at 0 s; with the margin the group's minute ends at 66 s.
        var twentyFirst = pacing.WaitTurnAsync(-100, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(41));
        Assert.False(twentyFirst.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await twentyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task After_a_start_the_first_window_stays_quiet()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock);

        var first = pacing.WaitTurnAsync(42, CancellationToken.None);
        Assert.False(first.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1.1));
        await first.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_private_chat_may_get_a_short_burst_then_one_a_second()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock, TimeSpan.Zero);

        Assert.True(pacing.WaitTurnAsync(42, CancellationToken.None).IsCompleted);
        Assert.True(pacing.WaitTurnAsync(42, CancellationToken.None).IsCompleted);
        Assert.True(pacing.WaitTurnAsync(42, CancellationToken.None).IsCompleted);
        Assert.False(pacing.WaitTurnAsync(42, CancellationToken.None).IsCompleted);
        Assert.True(pacing.WaitTurnAsync(43, CancellationToken.None).IsCompleted);
    }
}
