using System.Collections.Concurrent;

namespace CitizenBot.Core.Storage;

/// <summary>One async lock per key (a conversation, a chat): work for one key runs in order, keys run in parallel.</summary>
public sealed class KeyedLocks
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var entry = _entries.AddOrUpdate(key, _ => new Entry { Users = 1 }, (_, e) =>
        {
            lock (e)
            {
                e.Users++;
            }

            return e;
        });
        try
        {
            await entry.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Release(key, entry, releaseSemaphore: false);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Release(string key, Entry entry, bool releaseSemaphore)
    {
        if (releaseSemaphore)
        {
            entry.Semaphore.Release();
        }

        lock (entry)
        {
            entry.Users--;
            if (entry.Users == 0)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(KeyedLocks owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key, entry, releaseSemaphore: true);
            }
        }
    }
}
