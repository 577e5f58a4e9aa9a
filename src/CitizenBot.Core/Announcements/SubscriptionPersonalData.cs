using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Announcements;

/// <summary>The villages whose announcements the chat receives.</summary>
public sealed class SubscriptionPersonalData(CitizenDatabase db, CitizenBot.Core.Commune.CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Đăng ký nhận thông báo";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<VillageSubscription>(AnnouncementBook.SubscriptionsCollection).Find(s => s.AddressKey == who.Key)
            .Select(s => new PersonalRecord(s.Village, new Dictionary<string, string?> { ["Từ ngày"] = clock.Moment(s.SubscribedAt) }));

    public ErasureResult Erase(ChatAddress who) => new(db.Write(_ => db.Collection<VillageSubscription>(AnnouncementBook.SubscriptionsCollection).DeleteMany(s => s.AddressKey == who.Key)));

    /// <summary>A subscription is what the citizen asked for: it lasts until they stop it.</summary>
    public int Expire(DateTimeOffset before) => 0;
}
