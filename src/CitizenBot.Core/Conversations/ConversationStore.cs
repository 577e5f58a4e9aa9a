using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Conversations;

/// <summary>Loads a conversation and saves its new state together with the turn's replies, in one transaction.</summary>
public sealed class ConversationStore(CitizenDatabase db)
{
    public const string CollectionName = "conversations";

    public ConversationRecord? Find(ChatAddress address) =>
        db.Collection<ConversationRecord>(CollectionName).FindById(address.Key);

    /// <summary>Saves state and enqueues replies atomically; returns the ids of the queued replies.</summary>
    public List<long> Commit(ConversationRecord record, IEnumerable<OutboxMessage> replies) => db.WriteTransaction(tx =>
    {
        tx.GetCollection<ConversationRecord>(CollectionName).Upsert(record);
        return Outbox.AddNew(tx, replies);
    });
}
