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
    public ConversationRecord? Find(ChatAddress address) => Opened(db.Collection<ConversationRecord>(CollectionName).FindById(address.Key));

    /// <summary>The record as saved, read inside a unit of work (on the writer, which sees exactly what is committed).</summary>
    public ConversationRecord? Find(LiteDatabase tx, ChatAddress address) => Opened(tx.GetCollection<ConversationRecord>(CollectionName).FindById(address.Key));

    /// <summary>
    /// Saves a turn computed from <paramref name="read"/> only if the saved record is still that one (same turn count and
    /// last update); returns null, saving nothing, if it has moved on or the read was out of date.
    /// </summary>
    public Task<List<long>?> CommitIfUnchangedAsync(ConversationRecord read, (ConversationRecord Record, List<OutboxMessage> Replies) turn) => db.WriteAsync(tx =>
    {
        var saved = tx.GetCollection<ConversationRecord>(CollectionName).FindById(read.Id);
        return (saved?.Turns ?? 0) == read.Turns && (saved?.LastUpdateId ?? 0) == read.LastUpdateId ? Commit(tx, turn) : null;
    });

    private ConversationRecord? Opened(ConversationRecord? record)
    {
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
