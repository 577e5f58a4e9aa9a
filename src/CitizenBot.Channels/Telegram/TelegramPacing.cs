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
public sealed class TelegramPacing(TelegramLimits limits, TimeProvider time, TimeSpan? quietAtStart = null)
{
    private readonly Lock _lock = new();

    // What was sent just before a restart is not known here: the first window after start stays quiet,
    // so a host restarted in the middle of a broadcast does not exceed the overall rate.
    private readonly DateTimeOffset _quietUntil = time.GetUtcNow() + (quietAtStart ?? limits.OverallWindow);
    private readonly Queue<DateTimeOffset> _overall = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perChat = [];

    public async Task WaitTurnAsync(long chatId, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                wait = WaitFor(chatId, now);
                if (wait <= TimeSpan.Zero)
                {
                    Record(chatId, now);
                    return;
                }
            }

            await Task.Delay(wait, time, ct);
        }
    }

    private TimeSpan WaitFor(long chatId, DateTimeOffset now)
    {
        var wait = _quietUntil > now ? _quietUntil - now : TimeSpan.Zero;
        Trim(_overall, now - limits.OverallWindow);
        if (_overall.Count >= limits.OverallPerSecond)
        {
            wait = Max(wait, _overall.Peek() + limits.OverallWindow - now);
        }

        if (_perChat.TryGetValue(chatId, out var sent))
        {
            // Groups are limited per minute; every chat also averages at most one a second.
            Trim(sent, now - limits.GroupWindow);
            var recent = sent.Where(t => t > now - limits.PerChatWindow).ToList();
            if (recent.Count >= limits.PerChatBurst)
            {
                wait = Max(wait, recent[^limits.PerChatBurst] + limits.PerChatWindow - now);
            }

            if (IsGroup(chatId) && sent.Count >= limits.PerGroupPerMinute)
            {
                wait = Max(wait, sent.Peek() + limits.GroupWindow - now);
            }
        }

        return wait;
    }

    private void Record(long chatId, DateTimeOffset now)
    {
        _overall.Enqueue(now);
        if (!_perChat.TryGetValue(chatId, out var sent))
        {
            _perChat[chatId] = sent = new Queue<DateTimeOffset>();
        }

        sent.Enqueue(now);
        if (_perChat.Count > 10_000)
        {
            // Forget chats that have been quiet for a minute, so the map stays small.
            foreach (var quiet in _perChat.Where(p => p.Value.Count == 0 || p.Value.Last() < now - limits.GroupWindow).Select(p => p.Key).ToList())
            {
                _perChat.Remove(quiet);
            }
        }
    }

    private static bool IsGroup(long chatId) => chatId < 0;

    private static void Trim(Queue<DateTimeOffset> times, DateTimeOffset before)
    {
        while (times.Count > 0 && times.Peek() <= before)
        {
            times.Dequeue();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
