using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Privacy;

/// <summary>The messages the bot sent or will send to the chat (kept beside the other holders so Messaging, a lower layer, does not depend on Privacy).</summary>
public sealed class OutboxPersonalData(CitizenDatabase db, Outbox outbox, CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Tin nhắn trợ lý đã gửi ông/bà";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<OutboxMessage>(Outbox.CollectionName).Find(m => m.AddressKey == who.Key).OrderBy(m => m.Id)
            .Select(m => new PersonalRecord(clock.Moment(m.CreatedAt), new Dictionary<string, string?> { ["Nội dung"] = outbox.Open(m).Text, ["Tệp"] = m.File?.FileName }));

    public ErasureResult Erase(ChatAddress who) => new(db.Write(_ => db.Collection<OutboxMessage>(Outbox.CollectionName).DeleteMany(m => m.AddressKey == who.Key)));

    public int Expire(DateTimeOffset before) =>
        db.Write(_ => db.Collection<OutboxMessage>(Outbox.CollectionName).DeleteMany(m => m.CreatedAt < before && m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending));
}
