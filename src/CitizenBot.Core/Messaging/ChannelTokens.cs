using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>A channel's token pair as stored (sealed by the caller).</summary>
public sealed class ChannelTokenPair
{
    public const string OnlyId = "current";

    [BsonId]
    public string Id { get; set; } = OnlyId;

    public string AccessToken { get; set; } = "";

    public string RefreshToken { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>A keyed hash of the configured refresh token this pair started from: new tokens in the settings replace the stored pair.</summary>
    public string SeededFrom { get; set; } = "";

    public DateTimeOffset? RefreshedAt { get; set; }

    /// <summary>
    /// Set, durably, just before the refresh token is sent to be exchanged and cleared with the answer: found set at
    /// start, the process died while the exchange was under way, and the refresh token may already be spent.
    /// </summary>
    public DateTimeOffset? RefreshStartedAt { get; set; }
}

/// <summary>A failure the admins must act on (a token refresh refused), kept for the console.</summary>
public sealed class ChannelAlert
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>The durable token pair of a channel whose tokens rotate (Zalo), and its alerts.</summary>
public sealed class ChannelTokens(CitizenDatabase db, string channel)
{
    public string CollectionName { get; } = channel + "_tokens";

    public string AlertsCollection { get; } = channel + "_alerts";

    public ChannelTokenPair? Load() => db.Collection<ChannelTokenPair>(CollectionName).FindById(ChannelTokenPair.OnlyId);

    public void Save(ChannelTokenPair pair) => db.Write(tx => tx.GetCollection<ChannelTokenPair>(CollectionName).Upsert(pair));

    /// <summary>Stores the pair in one durable write; the caller uses it only after this returns.</summary>
    public Task SaveAsync(ChannelTokenPair pair) => db.WriteAsync(tx => tx.GetCollection<ChannelTokenPair>(CollectionName).Upsert(pair));

    /// <summary>Records an alert and, in the same write, queues the message that tells the admins (when there is one).</summary>
    public Task AlertAsync(DateTimeOffset at, string reason, OutboxMessage? tell) => db.WriteAsync(tx =>
    {
        tx.GetCollection<ChannelAlert>(AlertsCollection).Insert(new ChannelAlert { At = at, Reason = reason });
        if (tell is not null)
        {
            Outbox.AddNew(tx, [tell]);
        }
    });

    public List<ChannelAlert> Alerts(int count) =>
        [.. db.Collection<ChannelAlert>(AlertsCollection).Query().OrderByDescending(a => a.Id).Limit(count).ToEnumerable()];
}
