namespace CitizenBot.Channels.Telegram;

/// <summary>
/// Telegram's published limits: about 1 message a second to one chat (a reply of two or three messages
/// may go at once, as the official advice allows short bursts), 20 a minute to one group, 30 a second in all.
/// </summary>
public sealed record TelegramLimits(int PerChatBurst = 3, int PerGroupPerMinute = 20, int OverallPerSecond = 30)
{
    /// <summary>Windows are kept 10% longer than Telegram's, so network jitter never tips a send over a limit.</summary>
    public const double Margin = 1.1;

    /// <summary>The window of the per-chat burst: a burst of 3 in 3 seconds averages 1 a second.</summary>
    public TimeSpan PerChatWindow => TimeSpan.FromSeconds(PerChatBurst * Margin);

    public TimeSpan GroupWindow => TimeSpan.FromMinutes(Margin);

    public TimeSpan OverallWindow => TimeSpan.FromSeconds(Margin);
}

/// <summary>
/// Paces sends to stay inside <see cref="TelegramLimits"/>: each send waits its turn in a sliding window
/// per chat, per group and overall, so a broadcast to hundreds of groups runs at the allowed rate
/// instead of earning 429s. A 429 that still comes is honoured by the outbox (the chat's next message waits
/// for retry_after), not here.
/// </summary>
/// <remarks>
/// Telegram counts a message when it arrives, which is some time between the moment it was sent and the
/// moment its answer came back. A send therefore stays in the windows until its answer came plus the window's
/// length (while under way it counts as "now"), so a slow or bunched network never makes Telegram see more
/// than the limit in any window, whatever the delays.
/// </remarks>
public sealed class TelegramPacing(TelegramLimits limits, TimeProvider time, TimeSpan? quietAtStart = null)
{
    private readonly Lock _lock = new();

    // What was sent just before a restart is not known here: the first window after start stays quiet,
    // so a host restarted in the middle of a broadcast does not exceed the overall rate.
    private readonly DateTimeOffset _quietUntil = time.GetUtcNow() + (quietAtStart ?? limits.OverallWindow);
    private readonly List<Send> _overall = [];
    private readonly Dictionary<long, List<Send>> _perChat = [];
    private TaskCompletionSource _answered = NewSignal();

    /// <summary>Waits until a message to <paramref name="chatId"/> may go; dispose the turn when Telegram has answered.</summary>
    public async Task<Turn> WaitTurnAsync(long chatId, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            Task answered;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                wait = WaitFor(chatId, now);
                if (wait != Timeout.InfiniteTimeSpan && wait <= TimeSpan.Zero)
                {
                    return new Turn(this, Record(chatId));
                }

                answered = _answered.Task;
            }

            if (wait == Timeout.InfiniteTimeSpan)
            {
                // Every send in the way is still under way: its answer frees the turn.
                await answered.WaitAsync(ct);
            }
            else
            {
                using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
                await Task.WhenAny(Task.Delay(wait, time, cancel.Token), answered);
                await cancel.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }
        }
    }

    private TimeSpan WaitFor(long chatId, DateTimeOffset now)
    {
        var wait = _quietUntil > now ? _quietUntil - now : TimeSpan.Zero;
        wait = Longer(wait, WaitIn(_overall, limits.OverallPerSecond, limits.OverallWindow, now));
        if (_perChat.TryGetValue(chatId, out var sent))
        {
            // Groups are limited per minute; every chat also averages at most one a second.
            sent.RemoveAll(s => s.AnsweredAt <= now - limits.GroupWindow);
            wait = Longer(wait, WaitIn(sent, limits.PerChatBurst, limits.PerChatWindow, now));
            if (IsGroup(chatId))
            {
                wait = Longer(wait, WaitIn(sent, limits.PerGroupPerMinute, limits.GroupWindow, now));
            }
        }

        return wait;
    }

    /// <summary>How long until fewer than <paramref name="limit"/> sends remain in the window; infinite while that waits on sends under way.</summary>
    private static TimeSpan WaitIn(List<Send> sends, int limit, TimeSpan window, DateTimeOffset now)
    {
        var inWindow = sends.Where(s => s.AnsweredAt is not { } at || at > now - window).ToList();
        var toFree = inWindow.Count - limit + 1;
        if (toFree <= 0)
        {
            return TimeSpan.Zero;
        }

        var answered = inWindow.Where(s => s.AnsweredAt is not null).Select(s => s.AnsweredAt!.Value).Order().ToList();
        return answered.Count >= toFree ? answered[toFree - 1] + window - now : Timeout.InfiniteTimeSpan;
    }

    private Send Record(long chatId)
    {
        var send = new Send();
        _overall.Add(send);
        if (!_perChat.TryGetValue(chatId, out var sent))
        {
            _perChat[chatId] = sent = [];
        }

        sent.Add(send);
        if (_perChat.Count > 10_000)
        {
            // Forget chats that have been quiet for a minute, so the map stays small.
            var before = time.GetUtcNow() - limits.GroupWindow;
            foreach (var quiet in _perChat.Where(p => p.Value.All(s => s.AnsweredAt <= before)).Select(p => p.Key).ToList())
            {
                _perChat.Remove(quiet);
            }
        }

        return send;
    }

    private void Answered(Send send)
    {
        TaskCompletionSource answered;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            send.AnsweredAt = now;
            _overall.RemoveAll(s => s.AnsweredAt <= now - limits.OverallWindow);
            answered = _answered;
            _answered = NewSignal();
        }

        answered.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static bool IsGroup(long chatId) => chatId < 0;

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a == Timeout.InfiniteTimeSpan || b == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : a > b ? a : b;

    internal sealed class Send
    {
        public DateTimeOffset? AnsweredAt { get; set; }
    }

    /// <summary>One send's place in the windows; disposing it records when Telegram answered.</summary>
    public readonly struct Turn : IDisposable
    {
        private readonly TelegramPacing? _pacing;
        private readonly Send? _send;

        internal Turn(TelegramPacing pacing, Send send) => (_pacing, _send) = (pacing, send);

        public void Dispose()
        {
            if (_pacing is not null && _send is { AnsweredAt: null })
            {
                _pacing.Answered(_send);
            }
        }
    }
}
