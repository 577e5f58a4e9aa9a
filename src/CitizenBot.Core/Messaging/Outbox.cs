using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>The outbox collection: every message the bot sends is stored here first.</summary>
public sealed class Outbox
{
    public const string CollectionName = "outbox";
    private readonly CitizenDatabase _db;
    private readonly DataSeal _seal;

    public Outbox(CitizenDatabase db, DataSeal seal)
    {
        _db = db;
        _seal = seal;
        db.EnsureIndexes<OutboxMessage>(CollectionName, col =>
        {
            col.EnsureIndex(m => m.Key, unique: true);
            col.EnsureIndex(m => m.AddressKey);
            col.EnsureIndex(m => m.Status);
        });
    }

    /// <summary>Adds the messages whose key is new; call inside a write. Returns the ids of those added.</summary>
    public static List<long> AddNew(LiteDatabase tx, IEnumerable<OutboxMessage> messages)
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        var added = new List<long>();
        foreach (var message in messages)
        {
            if (col.Exists(Filter.Eq(nameof(OutboxMessage.Key), message.Key)))
            {
                continue;
            }

            col.Insert(message);
            added.Add(message.Id);
        }

        return added;
    }

    private static BsonExpression PendingTo(string addressKey) =>
        Filter.Eq(nameof(OutboxMessage.AddressKey), addressKey, nameof(OutboxMessage.Status), nameof(OutboxStatus.Pending));

    public List<long> Enqueue(params OutboxMessage[] messages) => _db.WriteTransaction(tx => AddNew(tx, messages));

    public OutboxMessage? Get(long id) => _db.Collection<OutboxMessage>(CollectionName).FindById(id);

    /// <summary>Pending messages whose time has come, oldest first.</summary>
    public List<OutboxMessage> Due(DateTimeOffset now, int limit) =>
        [.. _db.Collection<OutboxMessage>(CollectionName)
            .Query()
            .Where(m => m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.Id)
            .ToEnumerable()
            .Where(m => m.NextAttemptAt <= now)
            .Take(limit)];

    public List<OutboxMessage> PendingFor(string addressKey) =>
        [.. _db.Collection<OutboxMessage>(CollectionName)
            .Find(PendingTo(addressKey))
            .OrderBy(m => m.Id)];

    /// <summary>Messages to one chat after a given id (the web chat reads its history this way).</summary>
    public List<OutboxMessage> For(string addressKey, long afterId, int limit) =>
        [.. _db.Collection<OutboxMessage>(CollectionName)
            .Find(BsonExpression.Create("$.AddressKey = @0 AND $._id > @1", addressKey, afterId))
            .OrderBy(m => m.Id)
            .Take(limit)];

    /// <summary>A chat's own history after a given id, confidential messages opened (the web chat shows it to its conversation only).</summary>
    public List<(long Id, OutgoingMessage Message)> HistoryOf(string addressKey, long afterId, int limit) =>
        [.. For(addressKey, afterId, limit).Where(m => !(m.Confidential && m.Text.Length == 0)).Select(m => (m.Id, Open(m)))];

    /// <summary>The message as sent: a confidential one opened with the seal.</summary>
    public OutgoingMessage Open(OutboxMessage message) => message.ToMessage(_seal);

    public List<OutboxMessage> All() => [.. _db.Collection<OutboxMessage>(CollectionName).FindAll().OrderBy(m => m.Id)];

    /// <summary>
    /// Marks as sent every due message of a chat whose page reads them from here (the web chat): one write for all,
    /// no claim and no send. Returns how many.
    /// </summary>
    public Task<int> MarkDeliveredByStoringAsync(string addressKey, DateTimeOffset now) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        var due = col.Find(PendingTo(addressKey)).Where(m => m.NextAttemptAt <= now).ToList();
        foreach (var message in due)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = now;
            col.Update(message);
        }

        return due.Count;
    });

    /// <summary>Claims a pending message for sending; false if another dispatcher has it.</summary>
    public Task<bool> TryClaimAsync(long id, DateTimeOffset now) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        var message = col.FindById(id);
        if (message is null || message.Status != OutboxStatus.Pending || message.NextAttemptAt > now)
        {
            return false;
        }

        message.Status = OutboxStatus.Sending;
        message.Attempts++;
        return col.Update(message);
    });

    /// <param name="dropConfidential">Forget a confidential message's content once it is delivered or given up (the channel keeps no history here).</param>
    public Task CompleteAsync(long id, SendOutcome outcome, DateTimeOffset now, int maxAttempts, bool dropConfidential = false) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        var message = col.FindById(id);
        if (message is null)
        {
            return;
        }

        switch (outcome.Kind)
        {
            case SendOutcomeKind.Sent:
                message.Status = OutboxStatus.Sent;
                message.SentAt = now;
                message.ChannelMessageId = outcome.MessageId;
                message.Error = null;
                break;
            case SendOutcomeKind.Unconfirmed:
                message.Status = OutboxStatus.Unconfirmed;
                message.Error = outcome.Error;
                break;
            case SendOutcomeKind.Held:
                // Nothing left: the attempt does not count, and the content stays until it is sent.
                message.Status = OutboxStatus.Held;
                message.Attempts = Math.Max(0, message.Attempts - 1);
                message.Error = outcome.Error;
                break;
            case SendOutcomeKind.RetryLater when message.Attempts < maxAttempts:
                message.Status = OutboxStatus.Pending;
                // The channel's own wait (Telegram's retry_after) when it gave one, else an exponential back-off.
                message.NextAttemptAt = now + (outcome.RetryAfter > TimeSpan.Zero
                    ? outcome.RetryAfter
                    : TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, message.Attempts - 1))));
                message.Error = outcome.Error;
                break;
            default:
                message.Status = OutboxStatus.Failed;
                message.Error = outcome.Error;
                break;
        }

        if (dropConfidential && message.Status is OutboxStatus.Sent or OutboxStatus.Unconfirmed or OutboxStatus.Failed)
        {
            message.DropConfidentialContent();
        }

        col.Update(message);
    });

    /// <summary>Withdraws the pending messages with these keys (reminders of a cancelled booking); call inside a write.</summary>
    public static int Withdraw(LiteDatabase tx, IEnumerable<string> keys)
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        var withdrawn = 0;
        foreach (var key in keys)
        {
            if (col.FindOne(Filter.Eq(nameof(OutboxMessage.Key), key)) is { Status: OutboxStatus.Pending } message)
            {
                message.Status = OutboxStatus.Withdrawn;
                col.Update(message);
                withdrawn++;
            }
        }

        return withdrawn;
    }

    /// <summary>Withdraws a held message (a ZNS notice that will reach the citizen in the chat instead); false when it was not held.</summary>
    public Task<bool> WithdrawHeldAsync(string key) => _db.WriteAsync(tx =>
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        if (col.FindOne(Filter.Eq(nameof(OutboxMessage.Key), key)) is not { Status: OutboxStatus.Held } message)
        {
            return false;
        }

        message.Status = OutboxStatus.Withdrawn;
        message.DropConfidentialContent();
        return col.Update(message);
    });

    /// <summary>The message the bot sent to a chat under the channel's message id (what a reply points to).</summary>
    public OutboxMessage? FindSent(string addressKey, string channelMessageId) =>
        _db.Collection<OutboxMessage>(CollectionName).FindOne(Filter.Eq(nameof(OutboxMessage.AddressKey), addressKey, nameof(OutboxMessage.ChannelMessageId), channelMessageId));

    /// <summary>
    /// How many messages with a key under <paramref name="prefix"/> are in one of the given states: read through the status
    /// index, so a count of what waits or failed does not read every message ever sent.
    /// </summary>
    public int CountWithKeyPrefix(string prefix, params OutboxStatus[] statuses)
    {
        var col = _db.Collection<OutboxMessage>(CollectionName);
        return statuses.Distinct().Sum(status => col.Find(m => m.Status == status).Count(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)));
    }

    /// <summary>Messages whose key starts with a prefix (one announcement's deliveries), read in one pass.</summary>
    public IEnumerable<OutboxMessage> WithKeyPrefix(string prefix) =>
        _db.Collection<OutboxMessage>(CollectionName).Find(Query.StartsWith(nameof(OutboxMessage.Key), prefix));

    public OutboxMessage? FindByKey(string key) => _db.Collection<OutboxMessage>(CollectionName).FindOne(Filter.Eq(nameof(OutboxMessage.Key), key));

    /// <summary>Messages held for a chat (it could not be written to), oldest first.</summary>
    public List<OutboxMessage> HeldFor(string addressKey) =>
        [.. _db.Collection<OutboxMessage>(CollectionName)
            .Find(Filter.Eq(nameof(OutboxMessage.AddressKey), addressKey, nameof(OutboxMessage.Status), nameof(OutboxStatus.Held)))
            .OrderBy(m => m.Id)];

    /// <summary>Every held message, for the officers' report of what waits.</summary>
    public List<OutboxMessage> AllHeld() =>
        [.. _db.Collection<OutboxMessage>(CollectionName).Find(m => m.Status == OutboxStatus.Held).OrderBy(m => m.Id)];

    /// <summary>
    /// Makes a chat's held messages pending again once the chat opens; call inside a write. <paramref name="header"/> (given
    /// the count) goes first: the held messages are stored again after it, under their own keys, so they follow it in order.
    /// </summary>
    public static int ReleaseHeld(LiteDatabase tx, string addressKey, DateTimeOffset now, Func<int, OutboxMessage>? header = null)
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        var held = col.Find(Filter.Eq(nameof(OutboxMessage.AddressKey), addressKey, nameof(OutboxMessage.Status), nameof(OutboxStatus.Held)))
            .OrderBy(m => m.Id).ToList();
        if (held.Count == 0)
        {
            return 0;
        }

        if (header is not null)
        {
            AddNew(tx, [header(held.Count)]);
        }

        foreach (var message in held)
        {
            col.Delete(message.Id);
            message.Id = 0;
            message.Status = OutboxStatus.Pending;
            message.NextAttemptAt = now;
            col.Insert(message);
        }

        return held.Count;
    }

    /// <summary>At start-up: sends cut short by a crash are marked unconfirmed, never repeated.</summary>
    public int MarkInterruptedSends() => _db.Write(tx =>
    {
        var col = tx.GetCollection<OutboxMessage>(CollectionName);
        var interrupted = col.Find(m => m.Status == OutboxStatus.Sending).ToList();
        foreach (var message in interrupted)
        {
            message.Status = OutboxStatus.Unconfirmed;
            message.Error = "The process stopped during the send.";
            message.DropConfidentialContent();
            col.Update(message);
        }

        return interrupted.Count;
    });
}
