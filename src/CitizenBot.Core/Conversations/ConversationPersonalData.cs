using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Conversations;

/// <summary>The conversation's saved step (what the citizen was in the middle of).</summary>
public sealed class ConversationPersonalData(CitizenDatabase db, CitizenBot.Core.Commune.CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Cuộc trò chuyện";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<ConversationRecord>(ConversationStore.CollectionName).FindById(who.Key) is { } record
            ? [new PersonalRecord("Trò chuyện với trợ lý", new Dictionary<string, string?> { ["Số lượt"] = record.Turns.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Lần cuối"] = clock.Moment(record.UpdatedAt) })]
            : [];

    public ErasureResult Erase(ChatAddress who) => new(db.Write(_ => db.Collection<ConversationRecord>(ConversationStore.CollectionName).Delete(who.Key) ? 1 : 0));

    public int Expire(DateTimeOffset before) => db.Write(_ => db.Collection<ConversationRecord>(ConversationStore.CollectionName).DeleteMany(c => c.UpdatedAt < before));
}
