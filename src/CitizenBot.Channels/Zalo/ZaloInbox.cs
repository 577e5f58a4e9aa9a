using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Channels.Zalo;

/// <summary>One webhook event kept until it is handled: stored before Zalo gets its 200, so a crash loses nothing.</summary>
public sealed class ZaloInboxEvent
{
    /// <summary>The arrival order; given to the engine as the turn's update id, so a repeat after a crash is turned away.</summary>
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>Zalo's message id (or event, user and time): a retried delivery is stored once.</summary>
    public string Key { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The raw body; emptied once handled (it holds the citizen's words).</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public bool Done { get; set; }
}

/// <summary>The durable queue of Zalo events, deduplicated by key.</summary>
public sealed class ZaloInbox
{
    public const string CollectionName = "zalo_inbox";
    private readonly CitizenDatabase _db;

    public ZaloInbox(CitizenDatabase db)
    {
        _db = db;
        db.EnsureIndexes<ZaloInboxEvent>(CollectionName, col =>
        {
            col.EnsureIndex(e => e.Key, unique: true);
            col.EnsureIndex(e => e.Done);
        });
    }

    /// <summary>Stores the event in one write unless its key is known; returns its id, or null for a repeat.</summary>
    public Task<long?> AddAsync(ZaloEvent e, string body, DateTimeOffset now) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ZaloInboxEvent>(CollectionName);
        if (col.Exists(Filter.Eq(nameof(ZaloInboxEvent.Key), e.Key)))
        {
            return (long?)null;
        }

        var stored = new ZaloInboxEvent { Key = e.Key, UserId = e.UserId ?? "", Body = body, ReceivedAt = now };
        col.Insert(stored);
        return stored.Id;
    });

    /// <summary>Events not yet handled with an id above <paramref name="afterId"/>, in arrival order.</summary>
    public List<ZaloInboxEvent> Pending(long afterId, int limit) =>
        [.. _db.Collection<ZaloInboxEvent>(CollectionName).Find(BsonExpression.Create("$.Done = false AND $._id > @0", afterId)).OrderBy(e => e.Id).Take(limit)];

    public int PendingCount() => _db.Collection<ZaloInboxEvent>(CollectionName).Count(BsonExpression.Create("$.Done = false"));

    public int Count() => _db.Collection<ZaloInboxEvent>(CollectionName).Count();

    /// <summary>Marks an event handled and forgets its body; the key stays so a late retry is still recognised.</summary>
    public Task MarkDoneAsync(long id) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ZaloInboxEvent>(CollectionName);
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
        var col = tx.GetCollection<ZaloInboxEvent>(CollectionName);
        var old = col.Find(BsonExpression.Create("$.Done = true")).Where(e => e.ReceivedAt < before).Select(e => e.Id).ToList();
        foreach (var id in old)
        {
            col.Delete(id);
        }

        return old.Count;
    });
}
