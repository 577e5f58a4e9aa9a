using CitizenBot.Channels.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Channels;

/// <summary>
/// Long runs of the pacing on a fake clock, with senders like the outbox's and answers delayed as a hostile network
/// would. Telegram may count each message at any moment between its send and its answer; the checks assume the worst.
/// </summary>
public sealed class TelegramPacingSimulationTests
{
    private static readonly TimeSpan TelegramSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TelegramMinute = TimeSpan.FromMinutes(1);

    // A wait that cannot start: the turn is taken if it is free now, and nothing is left waiting.
    private static readonly CancellationToken OnlyIfFree = new(canceled: true);

    [Fact]
    public void No_second_ever_holds_more_than_thirty_messages_whatever_the_answer_delays()
    {
        var groups = Enumerable.Range(1, 2000).Select(i => -1000L - i);

        var sends = Simulate(groups, HostileDelay, TimeSpan.FromSeconds(40));

        Assert.True(sends.Count > 600, $"Only {sends.Count} sends: the run proves nothing.");
        Assert.InRange(MostInOneWindow(sends, TelegramSecond), 1, 30);
    }

    [Fact]
    public void No_group_gets_more_than_twenty_a_minute_nor_a_chat_more_than_its_burst_whatever_the_answer_delays()
    {
        // Three busy groups and two citizens, their messages queued in turn, as a busy officers' day would.
        long[] chats = [-1, -2, -3, 41, 42];
        var queue = Enumerable.Range(0, 150).SelectMany(_ => chats);

        var sends = Simulate(queue, HostileDelay, TimeSpan.FromMinutes(4), step: TimeSpan.FromMilliseconds(5));

        foreach (var chat in sends.GroupBy(s => s.Chat))
        {
            var perChat = chat.ToList();
            Assert.True(perChat.Count > 40, $"Chat {chat.Key} got only {perChat.Count} sends: the run proves nothing.");
            Assert.InRange(MostInOneWindow(perChat, TimeSpan.FromSeconds(3)), 1, 3);
            if (chat.Key < 0)
            {
                Assert.InRange(MostInOneWindow(perChat, TelegramMinute), 1, 20);
            }
        }
    }

    [Fact]
    public void A_broadcast_on_a_fast_network_keeps_at_least_95_percent_of_thirty_a_second()
    {
        var groups = Enumerable.Range(1, 5000).Select(i => -1000L - i);

        // A loopback round trip; the quiet first window after a start is a one-off, left out of the steady rate.
        var sends = Simulate(groups, _ => TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(61), quietStart: true);

        var steady = (sends.Count - 1) / (sends[^1].At - sends[0].At).TotalSeconds;
        Assert.True(steady >= 0.95 * 30, $"{steady:0.00} messages a second is {steady / 30:P1} of 30.");
        Assert.True(sends[0].At >= new TelegramLimits().OverallWindow, "The first window after a start stays quiet.");
        Assert.InRange(MostInOneWindow(sends, TelegramSecond), 1, 30);
    }

    /// <summary>Mostly quick answers, some slow, a few very late, and bunches that come back together.</summary>
    private static TimeSpan HostileDelay(Random random) => random.Next(10) switch
    {
        < 4 => TimeSpan.FromMilliseconds(random.Next(0, 20)),
        < 7 => TimeSpan.FromMilliseconds(random.Next(100, 900)),
        < 9 => TimeSpan.FromMilliseconds(1000 - (random.Next(0, 3) * 5)),
        _ => TimeSpan.FromSeconds(random.Next(2, 6)),
    };

    /// <summary>
    /// Sixteen senders, as the outbox runs, each taking the next chat of <paramref name="queue"/> once the pacing lets
    /// it go. Half the answers reach the pacing through the sender (<see cref="TelegramPacing.Answered"/>) and the turn
    /// is disposed only later, as the outbox records the outcome first; the other half through the turn alone.
    /// </summary>
    private static List<Sent> Simulate(IEnumerable<long> queue, Func<Random, TimeSpan> answerDelay, TimeSpan duration,
        TimeSpan? step = null, bool quietStart = false, int senders = 16)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        var pacing = new TelegramPacing(new TelegramLimits(), clock, quietStart ? null : TimeSpan.Zero);
        var random = new Random(11);
        var waiting = new Queue<long>(queue);
        var underWay = new List<UnderWay>();
        var sends = new List<Sent>();
        for (var now = TimeSpan.Zero; now < duration; now += step ?? TimeSpan.FromMilliseconds(1))
        {
            foreach (var sending in underWay.Where(u => u.AnswerAt <= now && u.Send.AnsweredAt == TimeSpan.MaxValue))
            {
                sending.Send.AnsweredAt = now;
                if (sending.BySender)
                {
                    pacing.Answered(sending.Send.Chat);
                }
            }

            foreach (var done in underWay.Where(u => u.DoneAt <= now).ToList())
            {
                done.Turn.Dispose();
                underWay.Remove(done);
            }

            while (underWay.Count < senders && waiting.TryPeek(out var chat)
                && pacing.WaitTurnAsync(chat, OnlyIfFree) is { IsCompletedSuccessfully: true } turn)
            {
                var send = new Sent(waiting.Dequeue(), now);
                sends.Add(send);
                var answerAt = now + answerDelay(random);
                var bySender = random.Next(2) == 0;
                underWay.Add(new UnderWay(send, turn.Result, answerAt, bySender ? answerAt + TimeSpan.FromMilliseconds(random.Next(0, 300)) : answerAt, bySender));
            }

            clock.Advance(step ?? TimeSpan.FromMilliseconds(1));
        }

        return sends;
    }

    /// <summary>
    /// The most messages Telegram could have counted in one window of <paramref name="window"/>: a set fits in one
    /// window when every member was answered no earlier than a window before the last of them was sent.
    /// </summary>
    private static int MostInOneWindow(List<Sent> sends, TimeSpan window) =>
        sends.Count == 0 ? 0 : sends.Select((last, i) => sends.Take(i + 1).Count(s => s.AnsweredAt >= last.At - window)).Max();

    private sealed record Sent(long Chat, TimeSpan At)
    {
        public TimeSpan AnsweredAt { get; set; } = TimeSpan.MaxValue;
    }

    private sealed record UnderWay(Sent Send, TelegramPacing.Turn Turn, TimeSpan AnswerAt, TimeSpan DoneAt, bool BySender);
}
