using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>How far the ZNS applicant sweep has looked at one dossier's history.</summary>
public sealed class ZnsDossierCursor
{
    [BsonId]
    public string Id { get; set; } = "";

    public int Seq { get; set; }
}

/// <summary>
/// The storage of the ZNS notices to dossiers' applicants (the Zalo channel's sweep and sender): the sweep's cursors and
/// the shared ZNS messages in the outbox, each claimed or queued in one write.
/// </summary>
public sealed class ZnsStore(CitizenDatabase db)
{
    public const string CursorCollection = "zalo_zns_cursor";

    /// <summary>How far the sweep has looked at one dossier's history (0: not at all); read by id, one per changed dossier.</summary>
    public int Cursor(string code) => db.Collection<ZnsDossierCursor>(CursorCollection).FindById(code)?.Seq ?? 0;

    /// <summary>Queues the messages whose key is new and moves the dossier's cursor, in one write; returns how many were queued.</summary>
    public int QueueAndAdvance(string code, int seq, IReadOnlyList<OutboxMessage> messages) => db.WriteTransaction(tx =>
    {
        var added = Outbox.AddNew(tx, messages);
        tx.GetCollection<ZnsDossierCursor>(CursorCollection).Upsert(new ZnsDossierCursor { Id = code, Seq = seq });
        return added.Count;
    });

    /// <summary>
    /// The message under <paramref name="key"/> as it stands, or, when there is none, the one <paramref name="create"/>
    /// makes, stored already claimed for sending by the caller. Null when there is none and none can be made.
    /// </summary>
    public Task<(OutboxMessage Message, bool ClaimedHere)?> EnsureClaimedAsync(string key, Func<OutboxMessage?> create) => db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<OutboxMessage>(Outbox.CollectionName);
        if (col.FindOne(Filter.Eq(nameof(OutboxMessage.Key), key)) is { } existing)
        {
            return ((OutboxMessage, bool)?)(existing, false);
        }

        if (create() is not { } message)
        {
            return null;
        }

        message.Status = OutboxStatus.Sending;
        message.Attempts = 1;
        col.Insert(message);
        return (message, true);
    });

    /// <summary>The addresses of a channel with messages held since before <paramref name="before"/>.</summary>
    public List<string> HeldSince(string channel, DateTimeOffset before) =>
        [.. db.Collection<OutboxMessage>(Outbox.CollectionName)
            .Find(Filter.Eq(nameof(OutboxMessage.Status), nameof(OutboxStatus.Held)))
            .Where(m => m.AddressKey.StartsWith(channel + ":", StringComparison.Ordinal) && m.NextAttemptAt <= before)
            .Select(m => m.AddressKey)
            .Distinct()];

    /// <summary>Makes an address's held messages pending again; returns how many.</summary>
    public int Release(string addressKey, DateTimeOffset now) => db.Write(tx => Outbox.ReleaseHeld(tx, addressKey, now));
}
