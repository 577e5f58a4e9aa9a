namespace CitizenBot.Dialogs.Dossiers;

public sealed record LookupLimitOptions
{
    /// <summary>Dossier lookups one sender may make in an hour (Limits:LookupsPerHour), whatever conversations they use.</summary>
    public int LookupsPerHour { get; init; } = 20;
}

/// <summary>
/// Counts dossier lookups per sender (the Telegram user, or the web client's address) in a fixed hourly window, so
/// codes cannot be walked one after another. In memory: a restart forgets, which only forgives.
/// </summary>
public sealed class LookupAllowance(LookupLimitOptions options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset WindowStart, int Count)> _senders = [];

    /// <summary>Counts one lookup; false when the sender has used up the hour's allowance.</summary>
    public bool TryTake(string sender)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_senders.TryGetValue(sender, out var entry) || now - entry.WindowStart >= Window)
            {
                entry = (now, 0);
            }

            if (entry.Count >= options.LookupsPerHour)
            {
                _senders[sender] = entry;
                return false;
            }

            _senders[sender] = (entry.WindowStart, entry.Count + 1);
            if (_senders.Count > 50_000)
            {
                foreach (var idle in _senders.Where(s => now - s.Value.WindowStart >= Window).Select(s => s.Key).ToList())
                {
                    _senders.Remove(idle);
                }
            }

            return true;
        }
    }
}
