using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Ratings;

/// <summary>The chat's ratings: erasing keeps the level and field for the statistics and drops who and the comment.</summary>
public sealed class RatingPersonalData(CitizenDatabase db) : IPersonalDataHolder
{
    public string Section => "Đánh giá sự phục vụ";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<Rating>(RatingBook.CollectionName).Find(r => r.AddressKey == who.Key)
            .Select(r => new PersonalRecord(RatingNames.Field(r.Field), new Dictionary<string, string?> { ["Mức"] = RatingNames.Level(r.Level), ["Góp ý"] = r.Comment }));

    public ErasureResult Erase(ChatAddress who) => new(Anonymise(r => r.AddressKey == who.Key, i => i.AddressKey == who.Key));

    public int Expire(DateTimeOffset before) => Anonymise(r => r.CreatedAt < before && r.AddressKey != "", i => i.CreatedAt < before);

    private int Anonymise(System.Linq.Expressions.Expression<Func<Rating, bool>> ratings, System.Linq.Expressions.Expression<Func<RatingInvitation, bool>> invitations) =>
        db.UpdateMany<Rating>(RatingBook.CollectionName, ratings, r => (r.AddressKey, r.Comment) = ("", null))
        + db.Write(_ => db.Collection<RatingInvitation>(RatingBook.InvitationsCollection).DeleteMany(invitations));
}
