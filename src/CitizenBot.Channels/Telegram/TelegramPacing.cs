namespace CitizenBot.Channels.Telegram;

/// <summary>
/// Telegram's published limits: about 1 message a second to one chat (a reply of two or three messages
/// may go at once, as the official advice allows short bursts), 20 a minute to one group, 30 a second in all.
/// </summary>
public sealed record TelegramLimits(int PerChatBurst = 3, int PerGroupPerMinute = 20, int OverallPerSecond = 30)
{
    /// <summary>
    /// Windows are kept 2% longer than Telegram's. The pacing's rule is already safe for any network delay (see
    /// <see cref="TelegramPacing"/>); the margin covers what the rule cannot know: the two clocks' drift, and that
    /// Telegram publishes its limits as "about" 30 a second.
    /// </summary>
    public const double Margin = 1.02;

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
/// Telegram counts a message when it arrives, some time between the moment it was sent and the moment its answer
/// came back. A send therefore counts in a window from the moment it is let go until its answer came plus the
/// window's length (while under way it counts as "now"). This is the tightest rule that holds whatever the delays:
/// if Telegram ever saw more than the limit in one window, the last of those messages to be let go would have found
/// the others still under way or answered less than a window before, and waited. It is also the most the rule can
/// allow, since any of those messages may have arrived as late as its answer. A message is let go at most
/// limit / (window + round trip) a second: the round trip is the price of not knowing when Telegram counted it.
/// Times come from the monotonic clock, so a wall-clock step never shortens a window.
/// </remarks>
public sealed class TelegramPacing(TelegramLimits limits, TimeProvider time, TimeSpan? quietAtStart = null)
{
    private readonly Lock _lock = new();
    private readonly long _origin = time.GetTimestamp();

    // What was sent just before a restart is not known here: the first window after start stays quiet,
    // so a host restarted in the middle of a broadcast does not exceed the overall rate.
    private readonly TimeSpan _quietUntil = quietAtStart ?? limits.OverallWindow;
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
                var now = Now;
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

    /// <summary>
    /// Telegram answered the send to <paramref name="chatId"/> whose turn the caller holds: it stops counting as under
    /// way now, not when the turn is disposed (the outbox records the outcome first). Only if it is the chat's one send
    /// under way, as the outbox's order per chat makes it; with two, whose answer this is cannot be told, and their
    /// turns' disposal records them.
    /// </summary>
    public void Answered(long chatId)
    {
        TaskCompletionSource? answered = null;
        lock (_lock)
        {
            if (_perChat.TryGetValue(chatId, out var sent) && sent.Where(s => s.AnsweredAt is null).Take(2).ToList() is [var only])
            {
                answered = MarkAnswered(only);
            }
        }

        answered?.TrySetResult();
    }

    private TimeSpan Now => time.GetElapsedTime(_origin);

    private TimeSpan WaitFor(long chatId, TimeSpan now)
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
    private static TimeSpan WaitIn(List<Send> sends, int limit, TimeSpan window, TimeSpan now)
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
            var before = Now - limits.GroupWindow;
            foreach (var quiet in _perChat.Where(p => p.Value.All(s => s.AnsweredAt <= before)).Select(p => p.Key).ToList())
            {
                _perChat.Remove(quiet);
            }
        }

        return send;
    }

    private void Answered(Send send)
    {
        TaskCompletionSource? answered;
        lock (_lock)
        {
            answered = send.AnsweredAt is null ? MarkAnswered(send) : null;
        }

        answered?.TrySetResult();
    }

    /// <summary>Under the lock: records the answer and returns the signal to raise once the lock is released.</summary>
    private TaskCompletionSource MarkAnswered(Send send)
    {
        var now = Now;
        send.AnsweredAt = now;
        _overall.RemoveAll(s => s.AnsweredAt <= now - limits.OverallWindow);
        var answered = _answered;
        _answered = NewSignal();
        return answered;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static bool IsGroup(long chatId) => chatId < 0;

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a == Timeout.InfiniteTimeSpan || b == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : a > b ? a : b;

    internal sealed class Send
    {
        /// <summary>When the answer came, on the pacing's monotonic clock; null while under way.</summary>
        public TimeSpan? AnsweredAt { get; set; }
    }

    /// <summary>One send's place in the windows; disposing it records when Telegram answered.</summary>
    public readonly struct Turn : IDisposable
    {
        private readonly TelegramPacing? _pacing;
        private readonly Send? _send;

        internal Turn(TelegramPacing pacing, Send send) => (_pacing, _send) = (pacing, send);

        public void Dispose()
        {
            if (_pacing is not null && _send is not null)
            {
                _pacing.Answered(_send);
            }
        }
    }
}
