using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>What the bot knows of one user of a windowed channel (Zalo): when they last wrote and how many replies followed.</summary>
public sealed class ReplyWindow
{
    [BsonId]
    public string Id { get; set; } = "";

    public DateTimeOffset? LastInboundAt { get; set; }

    /// <summary>Messages the OA sent since the user last wrote (the free window allows a few).</summary>
    public int RepliesInWindow { get; set; }

    public bool Following { get; set; }

    /// <summary>The payloads of the last choices sent as a numbered list (more than Zalo's buttons allow): "2" means the second.</summary>
    public List<string> NumberedChoices { get; set; } = [];
}

/// <summary>Proactive sends of one calendar month (OA messages outside the window, and ZNS messages).</summary>
public sealed class ProactiveUsage
{
    [BsonId]
    public string Id { get; set; } = "";

    public int Proactive { get; set; }

    public int Zns { get; set; }
}

/// <summary>
/// The reply window of every user of a channel that may answer freely only for a while after the user wrote (Zalo: 8
/// replies within 48 hours), and the month's count of messages sent outside it.
/// </summary>
public sealed class ReplyWindows(CitizenDatabase db, TimeProvider time, string channel, TimeSpan window, int repliesPerWindow)
{
    private readonly string _collectionName = channel + "_windows";
    private readonly string _usageCollection = channel + "_usage";

    public TimeSpan Window => window;

    public int RepliesPerWindow => repliesPerWindow;

    public ReplyWindow? Get(string userId) => db.Collection<ReplyWindow>(_collectionName).FindById(userId);

    public List<ReplyWindow> All() => [.. db.Collection<ReplyWindow>(_collectionName).FindAll()];

    /// <summary>True while the OA may still answer the user freely.</summary>
    public bool WindowOpen(ReplyWindow? contact) =>
        contact?.LastInboundAt is { } last && time.GetUtcNow() - last < window && contact.RepliesInWindow < repliesPerWindow;

    /// <summary>The user wrote (or followed): the window opens again with its full count. Call inside a write.</summary>
    public ReplyWindow Touch(LiteDatabase tx, string userId, DateTimeOffset now, bool? following = null)
    {
        var col = tx.GetCollection<ReplyWindow>(_collectionName);
        var contact = col.FindById(userId) ?? new ReplyWindow { Id = userId };
        contact.LastInboundAt = now;
        contact.RepliesInWindow = 0;
        if (following is { } f)
        {
            contact.Following = f;
        }

        col.Upsert(contact);
        return contact;
    }

    public Task SetFollowingAsync(string userId, bool following) => Update(userId, contact => contact.Following = following);

    /// <summary>Counts one reply sent in the window.</summary>
    public Task CountReplyAsync(string userId) => Update(userId, contact => contact.RepliesInWindow++);

    /// <summary>The choices of a message sent as a numbered list: "2" from the citizen then means the second.</summary>
    public Task RememberChoicesAsync(string userId, IReadOnlyList<string> payloads) => Update(userId, contact => contact.NumberedChoices = [.. payloads]);

    private Task Update(string userId, Action<ReplyWindow> change) => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ReplyWindow>(_collectionName);
        var contact = col.FindById(userId) ?? new ReplyWindow { Id = userId };
        change(contact);
        col.Upsert(contact);
    });

    /// <summary>Forgets what is kept of one user (their data erased on request); returns how many records.</summary>
    public int Erase(string userId) => db.Write(tx => tx.GetCollection<ReplyWindow>(_collectionName).Delete(userId) ? 1 : 0);

    /// <summary>Forgets users who last wrote before <paramref name="before"/> (the retention period): their window is long closed.</summary>
    public int Expire(DateTimeOffset before) => db.Write(tx =>
        tx.GetCollection<ReplyWindow>(_collectionName).DeleteMany(BsonExpression.Create("$.LastInboundAt = null OR $.LastInboundAt < @0", before.UtcDateTime)));

    public static string MonthKey(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public ProactiveUsage Usage() => db.Collection<ProactiveUsage>(_usageCollection).FindById(MonthKey(time.GetUtcNow())) ?? new ProactiveUsage { Id = MonthKey(time.GetUtcNow()) };

    /// <summary>Takes one proactive send from the month's quota; false when it is used up.</summary>
    public Task<bool> TryTakeProactiveAsync(int monthlyQuota) => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ProactiveUsage>(_usageCollection);
        var key = MonthKey(time.GetUtcNow());
        var usage = col.FindById(key) ?? new ProactiveUsage { Id = key };
        if (usage.Proactive >= monthlyQuota)
        {
            return false;
        }

        usage.Proactive++;
        col.Upsert(usage);
        return true;
    });

    /// <summary>Gives back a proactive send that Zalo refused (nothing was delivered, nothing is charged).</summary>
    public Task ReturnProactiveAsync() => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ProactiveUsage>(_usageCollection);
        if (col.FindById(MonthKey(time.GetUtcNow())) is { Proactive: > 0 } usage)
        {
            usage.Proactive--;
            col.Update(usage);
        }
    });

    public Task CountZnsAsync() => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ProactiveUsage>(_usageCollection);
        var key = MonthKey(time.GetUtcNow());
        var usage = col.FindById(key) ?? new ProactiveUsage { Id = key };
        usage.Zns++;
        col.Upsert(usage);
    });
}
