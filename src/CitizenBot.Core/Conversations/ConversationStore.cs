using System.Text;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Conversations;

/// <summary>
/// Loads a conversation and saves its new state together with the turn's replies, in one unit of work. The state
/// is sealed at rest: a flow in progress holds what the citizen typed (a denouncer's name, a phone number).
/// </summary>
public sealed class ConversationStore(CitizenDatabase db, DataSeal seal)
{
    public const string CollectionName = "conversations";

    public CitizenDatabase Database => db;

    /// <summary>The record with its state opened; a state saved before sealing is returned as it is, and sealed on the next save.</summary>
    public ConversationRecord? Find(ChatAddress address)
    {
        var record = db.Collection<ConversationRecord>(CollectionName).FindById(address.Key);
        if (record?.SealedState is { } sealedState)
        {
            // A state sealed under another key cannot be read: the dialog starts afresh.
            record.StateJson = seal.OpenBytes(sealedState) is { } json ? Encoding.UTF8.GetString(json) : "";
            record.SealedState = null;
        }

        return record;
    }

    /// <summary>Saves state (sealed) and enqueues replies in the next group commit; returns the ids of the queued replies once durable.</summary>
    public Task<List<long>> CommitAsync((ConversationRecord Record, List<OutboxMessage> Replies) turn) => db.WriteAsync(tx => Commit(tx, turn));

    /// <summary>Saves state (sealed) and enqueues replies inside a running unit of work (a turn that wrote records of its own).</summary>
    public List<long> Commit(LiteDatabase tx, (ConversationRecord Record, List<OutboxMessage> Replies) turn)
    {
        var record = turn.Record;
        tx.GetCollection<ConversationRecord>(CollectionName).Upsert(new ConversationRecord
        {
            Id = record.Id,
            StateJson = "",
            SealedState = record.StateJson.Length == 0 ? null : seal.SealBytes(Encoding.UTF8.GetBytes(record.StateJson)),
            LastUpdateId = record.LastUpdateId,
            Turns = record.Turns,
            UpdatedAt = record.UpdatedAt,
        });
        return Outbox.AddNew(tx, turn.Replies);
    }
}
