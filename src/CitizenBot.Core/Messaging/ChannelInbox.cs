using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>One webhook event kept until it is handled: stored before the channel gets its answer, so a crash loses nothing.</summary>
public sealed class InboxEvent
{
    /// <summary>The arrival order; given to the engine as the turn's update id, so a repeat after a crash is turned away.</summary>
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>The channel's message id (or event, user and time): a retried delivery is stored once.</summary>
    public string Key { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The raw body, sealed at rest; emptied once handled (it holds the citizen's words and ids).</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public bool Done { get; set; }
}

/// <summary>The durable queue of a webhook channel's events (Zalo's), deduplicated by key.</summary>
public sealed class ChannelInbox
{
    private readonly CitizenDatabase _db;
    private readonly DataSeal? _seal;

    /// <param name="seal">Seals the raw bodies at rest (they hold the citizen's words until handled).</param>
    public ChannelInbox(CitizenDatabase db, string channel, DataSeal? seal = null)
    {
        _db = db;
        _seal = seal;
        CollectionName = channel + "_inbox";
        db.EnsureIndexes<InboxEvent>(CollectionName, col =>
        {
            col.EnsureIndex(e => e.Key, unique: true);
            col.EnsureIndex(e => e.Done);
        });
    }

    public string CollectionName { get; }

    /// <summary>Stores the event in one write unless its key is known; returns its id, or null for a repeat.</summary>
    public Task<long?> AddAsync(string key, string userId, string body, DateTimeOffset now) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<InboxEvent>(CollectionName);
        if (col.Exists(Filter.Eq(nameof(InboxEvent.Key), key)))
        {
            return (long?)null;
        }

        var stored = new InboxEvent { Key = key, UserId = userId, Body = _seal is null ? body : _seal.Seal(body), ReceivedAt = now };
        col.Insert(stored);
        return stored.Id;
    });

    /// <summary>An event's body as received (opened when sealed; unsealed bodies of older versions read as they are).</summary>
    public string BodyOf(InboxEvent e) => _seal is not null && e.Body.Length > 0 ? _seal.Open(e.Body) ?? e.Body : e.Body;

    /// <summary>One user's events, for their "my data".</summary>
    public List<InboxEvent> Of(string userId) =>
        [.. _db.Collection<InboxEvent>(CollectionName).Find(Filter.Eq(nameof(InboxEvent.UserId), userId)).OrderBy(e => e.Id)];

    /// <summary>Forgets one user's handled events (erasure on request); one being handled is emptied when it is done.</summary>
    public int Erase(string userId) => _db.Write(tx =>
        tx.GetCollection<InboxEvent>(CollectionName).DeleteMany(BsonExpression.Create("$.UserId = @0 AND $.Done = true", userId)));

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
