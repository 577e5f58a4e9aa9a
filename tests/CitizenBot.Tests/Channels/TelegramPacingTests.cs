using CitizenBot.Channels.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Channels;

public sealed class TelegramPacingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Takes a turn if one is free now (a cancelled token: no wait is left behind) and has Telegram answer at once.</summary>
    private static bool SendsAtOnce(TelegramPacing pacing, long chat)
    {
        var turn = pacing.WaitTurnAsync(chat, new CancellationToken(canceled: true));
        if (!turn.IsCompletedSuccessfully)
        {
            return false;
        }

        turn.Result.Dispose();
        return true;
    }

    [Fact]
    public async Task Thirty_sends_a_second_go_at_once_and_the_thirty_first_waits_for_the_window_to_pass()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock, TimeSpan.Zero);
        for (var chat = 1; chat <= 30; chat++)
        {
            Assert.True(SendsAtOnce(pacing, -chat));
        }

        var thirtyFirst = pacing.WaitTurnAsync(-31, CancellationToken.None);
        Assert.False(thirtyFirst.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1.01));
        Assert.False(thirtyFirst.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.01));
        (await thirtyFirst.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_send_still_under_way_keeps_its_place_until_answered_and_a_window_after()
    {
        var pacing = new TelegramPacing(new TelegramLimits(OverallPerSecond: 2), _clock, TimeSpan.Zero);
        var slow = await pacing.WaitTurnAsync(1, CancellationToken.None);
        using var slower = await pacing.WaitTurnAsync(2, CancellationToken.None);

        // The network is slow: Telegram may count the first message much later than it left.
        var third = pacing.WaitTurnAsync(3, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(third.IsCompleted);

        slow.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(third.IsCompleted);

        // The waiter wakes on the answer and sets a new timer on its own thread: move the clock until it fires.
        for (var i = 0; i < 50 && !third.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(0.1));
            await Task.WhenAny(third, Task.Delay(20));
        }

        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_group_gets_twenty_messages_a_minute_with_a_safety_margin()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock, TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            (await pacing.WaitTurnAsync(-100, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
            _clock.Advance(TimeSpan.FromSeconds(1.2));
        }

        // The first went at 0 s; with the 2% margin the group's minute ends at 61.2 s.
        var twentyFirst = pacing.WaitTurnAsync(-100, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(37));
        Assert.False(twentyFirst.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await twentyFirst.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task After_a_start_the_first_window_stays_quiet()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock);

        var first = pacing.WaitTurnAsync(42, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(first.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.02));
        (await first.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public void A_private_chat_may_get_a_short_burst_then_one_a_second()
    {
        var pacing = new TelegramPacing(new TelegramLimits(), _clock, TimeSpan.Zero);

        Assert.True(SendsAtOnce(pacing, 42));
        Assert.True(SendsAtOnce(pacing, 42));
        Assert.True(SendsAtOnce(pacing, 42));
        Assert.False(SendsAtOnce(pacing, 42));
        Assert.True(SendsAtOnce(pacing, 43));
    }

    [Fact]
    public async Task An_answer_frees_the_place_before_the_turn_is_disposed()
    {
        var pacing = new TelegramPacing(new TelegramLimits(OverallPerSecond: 1), _clock, TimeSpan.Zero);
        using var first = await pacing.WaitTurnAsync(1, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(0.2));

        // The outbox is still recording the outcome; the sender already has Telegram's answer.
        pacing.Answered(1);
        _clock.Advance(TimeSpan.FromSeconds(1.01));
        Assert.False(SendsAtOnce(pacing, 2));
        _clock.Advance(TimeSpan.FromSeconds(0.01));
        Assert.True(SendsAtOnce(pacing, 2));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_turn()
    {
        var pacing = new TelegramPacing(new TelegramLimits(OverallPerSecond: 1), _clock, TimeSpan.Zero);
        var first = await pacing.WaitTurnAsync(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var second = pacing.WaitTurnAsync(2, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        first.Dispose();
    }
}
