using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Conversations;

/// <summary>Loads a conversation and saves its new state together with the turn's replies, in one unit of work.</summary>
public sealed class ConversationStore(CitizenDatabase db)
{
    public const string CollectionName = "conversations";

    public CitizenDatabase Database => db;

    public ConversationRecord? Find(ChatAddress address) =>
        db.Collection<ConversationRecord>(CollectionName).FindById(address.Key);

    /// <summary>Saves state and enqueues replies in the next group commit; returns the ids of the queued replies once durable.</summary>
    public Task<List<long>> CommitAsync((ConversationRecord Record, List<OutboxMessage> Replies) turn) => db.WriteAsync(tx => Commit(tx, turn));

    /// <summary>Saves state and enqueues replies inside a running unit of work (a turn that wrote records of its own).</summary>
    public static List<long> Commit(LiteDatabase tx, (ConversationRecord Record, List<OutboxMessage> Replies) turn)
    {
        tx.GetCollection<ConversationRecord>(CollectionName).Upsert(turn.Record);
        return Outbox.AddNew(tx, turn.Replies);
    }
}
