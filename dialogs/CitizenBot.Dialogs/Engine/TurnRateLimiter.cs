namespace CitizenBot.Dialogs.Engine;

public sealed record RateLimitOptions
{
    /// <summary>Turns one conversation may take in <see cref="Window"/>; a citizen typing or pressing never comes near it.</summary>
    public int TurnsPerWindow { get; init; } = 30;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Questions one conversation may relay to the officers in a day, so one account cannot flood them.</summary>
    public int QuestionsPerDay { get; init; } = 5;

    /// <summary>
    /// Questions one sender (a Telegram user, a web client address) may relay in a day over all their conversations, so
    /// opening new conversations does not lift the limit. Higher than per conversation: one address can be a family's
    /// Wi-Fi or a mobile network shared by many citizens.
    /// </summary>
    public int QuestionsPerSenderPerDay { get; init; } = 20;
}

/// <summary>What the limiter decided for one turn.</summary>
public enum RateDecision
{
    Allowed,

    /// <summary>The first turn over the limit: the citizen is told, once, to slow down.</summary>
    WarnOnce,

    /// <summary>Further turns over the limit: dropped without an answer until the window has passed.</summary>
    Drop,
}

/// <summary>A sliding window of turns per conversation, in memory (a restart forgets it, which only forgives).</summary>
public sealed class TurnRateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Queue<DateTimeOffset> Turns, bool Warned)> _conversations = [];

    public RateDecision Check(string conversation)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_conversations.TryGetValue(conversation, out var entry))
            {
                entry = (new Queue<DateTimeOffset>(), false);
            }

            while (entry.Turns.Count > 0 && entry.Turns.Peek() <= now - options.Window)
            {
                entry.Turns.Dequeue();
            }

            RateDecision decision;
            if (entry.Turns.Count < options.TurnsPerWindow)
            {
                entry.Turns.Enqueue(now);
                entry.Warned = false;
                decision = RateDecision.Allowed;
            }
            else
            {
                decision = entry.Warned ? RateDecision.Drop : RateDecision.WarnOnce;
                entry.Warned = true;
            }

            _conversations[conversation] = entry;
            if (_conversations.Count > 50_000)
            {
                foreach (var idle in _conversations.Where(c => c.Value.Turns.Count == 0 || c.Value.Turns.Last() <= now - options.Window).Select(c => c.Key).ToList())
                {
                    _conversations.Remove(idle);
                }
            }

            return decision;
        }
    }
}
