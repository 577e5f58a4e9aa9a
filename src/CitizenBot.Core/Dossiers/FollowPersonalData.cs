using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Dossiers;

/// <summary>The dossiers the chat follows.</summary>
public sealed class FollowPersonalData(CitizenDatabase db, CitizenBot.Core.Commune.CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Hồ sơ đang theo dõi";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<DossierFollow>(FollowBook.CollectionName).Find(f => f.AddressKey == who.Key)
            .Select(f => new PersonalRecord(f.DossierCode, new Dictionary<string, string?> { ["Theo dõi từ"] = clock.Moment(f.FollowedAt), ["Đang theo dõi"] = f.Active ? "có" : "không" }));

    public ErasureResult Erase(ChatAddress who) => new(db.Write(_ =>
    {
        var suffix = "|" + who.Key;
        var attempts = db.Collection<FollowAttempts>(FollowBook.AttemptsCollectionName);
        foreach (var attempt in attempts.FindAll().Where(a => a.Id.EndsWith(suffix, StringComparison.Ordinal)).ToList())
        {
            attempts.Delete(attempt.Id);
        }

        return db.Collection<DossierFollow>(FollowBook.CollectionName).DeleteMany(f => f.AddressKey == who.Key);
    }));

    public int Expire(DateTimeOffset before) => db.Write(_ => db.Collection<DossierFollow>(FollowBook.CollectionName).DeleteMany(f => f.FollowedAt < before));
}
