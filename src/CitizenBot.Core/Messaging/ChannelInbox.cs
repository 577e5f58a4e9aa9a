using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>One webhook event kept until it is handled: stored before the channel gets its answer, so a crash loses nothing.</summary>
public sealed class InboxEvent
{
    /// <summary>The arrival order; given to the engine as the turn's update id, so a repeat after a crash is turned away.</summary>
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>
    /// A keyed hash of the channel's event key (its message id, or event, user and time): a retried delivery is stored once,
    /// and the stored key names no one.
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>A keyed hash of the channel's user id: one user's events are found (in order, for "my data", for erasure) without naming them.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The raw body, sealed at rest; emptied once handled (it holds the citizen's words and ids).</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public bool Done { get; set; }
}

/// <summary>
/// The durable queue of a webhook channel's events (Zalo's), deduplicated by key. The key and the user id are stored as
/// keyed hashes (HMAC under the identity key) and the body sealed, so a stored event names no one; the user's events are
/// found by the hash of their id.
/// </summary>
public sealed class ChannelInbox
{
    /// <summary>Marks a stored key or user id as a keyed hash (events stored by older versions hold them in clear).</summary>
    public const string HashPrefix = "h1:";

    private readonly CitizenDatabase _db;
    private readonly DataSeal _seal;
    private readonly string _channel;

    /// <param name="seal">Seals the raw bodies at rest (they hold the citizen's words until handled) and hashes keys and user ids.</param>
    public ChannelInbox(CitizenDatabase db, string channel, DataSeal seal)
    {
        _db = db;
        _seal = seal;
        _channel = channel;
        CollectionName = channel + "_inbox";
        db.EnsureIndexes<InboxEvent>(CollectionName, col =>
        {
            col.EnsureIndex(e => e.Key, unique: true);
            col.EnsureIndex(e => e.Done);
            col.EnsureIndex(e => e.UserId);
        });
        HashClearKeys();
    }

    public string CollectionName { get; }

    /// <summary>The stored form of a channel's event key.</summary>
    public string StoredKey(string key) => HashPrefix + _seal.Hash($"inbox-key:{_channel}:{key}");

    /// <summary>The stored form of a channel's user id.</summary>
    public string StoredUser(string userId) => HashPrefix + _seal.Hash($"inbox-user:{_channel}:{userId}");

    /// <summary>
    /// Events stored by versions that kept the key and the user id in clear get their hashes, once, at start, so their
    /// keys still turn Zalo's retries away for the days they are kept and "my data" still finds them. The inbox holds
    /// three days of events, so reading it whole at start is cheap; the write (a group commit) happens only when one is left.
    /// </summary>
    private void HashClearKeys()
    {
        if (_db.Collection<InboxEvent>(CollectionName).FindAll().All(e => e.Key.StartsWith(HashPrefix, StringComparison.Ordinal)))
        {
            return;
        }

        _db.Write(tx => HashClearKeys(tx.GetCollection<InboxEvent>(CollectionName)));
    }

    private void HashClearKeys(ILiteCollection<InboxEvent> col)
    {
        foreach (var e in col.FindAll().Where(e => !e.Key.StartsWith(HashPrefix, StringComparison.Ordinal)).ToList())
        {
            var key = StoredKey(e.Key);
            if (col.Exists(Filter.Eq(nameof(InboxEvent.Key), key)))
            {
                // The same event stored again under its new key: the old row is a duplicate.
                col.Delete(e.Id);
                continue;
            }

            e.Key = key;
            e.UserId = e.UserId.StartsWith(HashPrefix, StringComparison.Ordinal) ? e.UserId : StoredUser(e.UserId);
            col.Update(e);
        }
    }

    /// <summary>Stores the event in one write unless its key is known; returns its id, or null for a repeat.</summary>
    public Task<long?> AddAsync(string key, string userId, string body, DateTimeOffset now)
    {
        var storedKey = StoredKey(key);
        var stored = new InboxEvent { Key = storedKey, UserId = StoredUser(userId), Body = _seal.Seal(body), ReceivedAt = now };
        return _db.WriteAsync(tx =>
        {
            var col = tx.GetCollection<InboxEvent>(CollectionName);
            if (col.Exists(Filter.Eq(nameof(InboxEvent.Key), storedKey)))
            {
                return (long?)null;
            }

            col.Insert(stored);
            return stored.Id;
        });
    }

    /// <summary>An event's body as received (opened when sealed; unsealed bodies of older versions read as they are).</summary>
    public string BodyOf(InboxEvent e) => e.Body.Length > 0 ? _seal.Open(e.Body) ?? e.Body : e.Body;

    /// <summary>One user's events, for their "my data", found by the hash of their id.</summary>
    public List<InboxEvent> Of(string userId) =>
        [.. _db.Collection<InboxEvent>(CollectionName).Find(Filter.Eq(nameof(InboxEvent.UserId), StoredUser(userId))).OrderBy(e => e.Id)];

    /// <summary>Forgets one user's handled events (erasure on request); one being handled is emptied when it is done.</summary>
    public int Erase(string userId) => _db.Write(tx =>
        tx.GetCollection<InboxEvent>(CollectionName).DeleteMany(BsonExpression.Create("$.UserId = @0 AND $.Done = true", StoredUser(userId))));

    /// <summary>Events not yet handled with an id above <paramref name="afterId"/>, in arrival order.</summary>
    public List<InboxEvent> Pending(long afterId, int limit) =>
        [.. _db.Collection<InboxEvent>(CollectionName).Find(BsonExpression.Create("$.Done = false AND $._id > @0", afterId)).OrderBy(e => e.Id).Take(limit)];

    public int PendingCount() => _db.Collection<InboxEvent>(CollectionName).Count(BsonExpression.Create("$.Done = false"));

    public int Count() => _db.Collection<InboxEvent>(CollectionName).Count();

    /// <summary>Marks an event handled and forgets its body; the key stays so a late retry is still recognised.</summary>
    public Task MarkDoneAsync(long id) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<InboxEvent>(CollectionName);
        if (col.FindById(id) is { } e)
        {
            e.Done = true;
            e.Body = "";
            col.Update(e);
        }
    });

    /// <summary>Forgets handled events older than Zalo's retries (their keys are no longer needed).</summary>
    public Task<int> PruneAsync(DateTimeOffset before) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<InboxEvent>(CollectionName);
        var old = col.Find(BsonExpression.Create("$.Done = true")).Where(e => e.ReceivedAt < before).Select(e => e.Id).ToList();
        foreach (var id in old)
        {
            col.Delete(id);
        }

        return old.Count;
    });
}
