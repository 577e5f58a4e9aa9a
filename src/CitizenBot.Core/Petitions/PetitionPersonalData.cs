using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// The chat's petitions. One still being handled is kept (the law on complaints and denunciations requires an
/// answer); a finished one loses its content and author on request. Petitions are archived, not expired.
/// </summary>
public sealed class PetitionPersonalData(CitizenDatabase db, PetitionBook petitions) : IPersonalDataHolder
{
    public string Section => "Kiến nghị, phản ánh, khiếu nại, tố cáo";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        petitions.Mine(who.Key).Select(p =>
        {
            var identity = petitions.IdentityOf(p);
            return new PersonalRecord(p.Code, new Dictionary<string, string?>
            {
                ["Loại"] = PetitionTexts.Kind(p.Kind), ["Lĩnh vực"] = p.Topic, ["Thôn"] = p.Village, ["Nội dung"] = p.Content,
                ["Họ tên"] = identity?.Name, ["Số điện thoại"] = identity?.Phone, ["Trạng thái"] = PetitionTexts.Status(p.Status),
            });
        });

    public ErasureResult Erase(ChatAddress who)
    {
        var mine = petitions.Mine(who.Key);
        var kept = mine.Count(p => p.IsOpen);
        var erased = db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<Petition>(PetitionBook.CollectionName);
            foreach (var petition in mine.Where(p => !p.IsOpen))
            {
                petition.Content = "[đã xóa theo yêu cầu của người gửi]";
                petition.ContactName = null;
                petition.ContactPhone = null;
                petition.SealedIdentity = null;
                petition.AddressKey = "";
                petition.AuthorLookup = "";
                petition.Photos = [];
                petition.Latitude = null;
                petition.Longitude = null;
                col.Update(petition);
            }

            return mine.Count - kept;
        });
        return new ErasureResult(erased, kept);
    }

    public int Expire(DateTimeOffset before) => 0;
}
