using System.Security.Cryptography;

namespace CitizenBot.Core.Dossiers;

/// <summary>An uploaded dossier file kept between its preview and the officer's "Nhập", so exactly the previewed bytes are imported.</summary>
public sealed record PendingImport(string Key, byte[] Content, string FileName, string By, DateTimeOffset At);

/// <summary>
/// Files previewed in the console, held in memory for <see cref="Lifetime"/> under a random key and only for the officer
/// who uploaded them; at most <see cref="MaxHeld"/> at once (the oldest go first). A restart forgets them: the officer
/// uploads again.
/// </summary>
public sealed class PendingImports(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const int MaxHeld = 8;
    private readonly Lock _gate = new();
    private readonly List<PendingImport> _held = [];

    public string Hold(byte[] content, string fileName, string by)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            Expire();
            // One pending file per officer: a new upload replaces their previous one.
            _held.RemoveAll(p => p.By == by);
            while (_held.Count >= MaxHeld)
            {
                _held.RemoveAt(0);
            }

            _held.Add(new PendingImport(key, content, fileName, by, time.GetUtcNow()));
        }

        return key;
    }

    /// <summary>The held file, or null when the key is unknown, expired or another officer's.</summary>
    public PendingImport? Get(string? key, string by)
    {
        lock (_gate)
        {
            Expire();
            return _held.FirstOrDefault(p => p.Key == key && p.By == by);
        }
    }

    /// <summary>Takes the file out (once imported it cannot be imported again by a double click).</summary>
    public PendingImport? Take(string? key, string by)
    {
        lock (_gate)
        {
            Expire();
            var held = _held.FirstOrDefault(p => p.Key == key && p.By == by);
            if (held is not null)
            {
                _held.Remove(held);
            }

            return held;
        }
    }

    private void Expire()
    {
        var now = time.GetUtcNow();
        _held.RemoveAll(p => now - p.At > Lifetime);
    }
}
