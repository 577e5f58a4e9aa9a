using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Channels.Zalo;

/// <summary>What the bot knows of one Zalo user for the messaging window: when they last wrote and how many replies followed.</summary>
public sealed class ZaloContact
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
public sealed class ZaloMonthUsage
{
    [BsonId]
    public string Id { get; set; } = "";

    public int Proactive { get; set; }

    public int Zns { get; set; }
}

/// <summary>The messaging window of every Zalo user and the month's proactive count.</summary>
public sealed class ZaloContacts(CitizenDatabase db, TimeProvider time)
{
    public const string CollectionName = "zalo_contacts";
    public const string UsageCollection = "zalo_usage";

    /// <summary>Zalo's free window: after a user writes, the OA may reply this many times within this long.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);
    public const int RepliesPerWindow = 8;

    public ZaloContact? Get(string userId) => db.Collection<ZaloContact>(CollectionName).FindById(userId);

    public List<ZaloContact> All() => [.. db.Collection<ZaloContact>(CollectionName).FindAll()];

    /// <summary>True while the OA may still answer the user freely.</summary>
    public bool WindowOpen(ZaloContact? contact) =>
        contact?.LastInboundAt is { } last && time.GetUtcNow() - last < Window && contact.RepliesInWindow < RepliesPerWindow;

    /// <summary>The user wrote (or followed): the window opens again with its full count. Call inside a write.</summary>
    public static ZaloContact Touch(LiteDatabase tx, string userId, DateTimeOffset now, bool? following = null)
    {
        var col = tx.GetCollection<ZaloContact>(CollectionName);
        var contact = col.FindById(userId) ?? new ZaloContact { Id = userId };
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

    private Task Update(string userId, Action<ZaloContact> change) => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ZaloContact>(CollectionName);
        var contact = col.FindById(userId) ?? new ZaloContact { Id = userId };
        change(contact);
        col.Upsert(contact);
    });

    public static string MonthKey(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public ZaloMonthUsage Usage() => db.Collection<ZaloMonthUsage>(UsageCollection).FindById(MonthKey(time.GetUtcNow())) ?? new ZaloMonthUsage { Id = MonthKey(time.GetUtcNow()) };

    /// <summary>Takes one proactive send from the month's quota; false when it is used up.</summary>
    public Task<bool> TryTakeProactiveAsync(int monthlyQuota) => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ZaloMonthUsage>(UsageCollection);
        var key = MonthKey(time.GetUtcNow());
        var usage = col.FindById(key) ?? new ZaloMonthUsage { Id = key };
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
        var col = tx.GetCollection<ZaloMonthUsage>(UsageCollection);
        if (col.FindById(MonthKey(time.GetUtcNow())) is { Proactive: > 0 } usage)
        {
            usage.Proactive--;
            col.Update(usage);
        }
    });

    public Task CountZnsAsync() => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<ZaloMonthUsage>(UsageCollection);
        var key = MonthKey(time.GetUtcNow());
        var usage = col.FindById(key) ?? new ZaloMonthUsage { Id = key };
        usage.Zns++;
        col.Upsert(usage);
    });
}
