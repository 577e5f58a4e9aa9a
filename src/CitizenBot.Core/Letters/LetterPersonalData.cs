using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Letters;

/// <summary>The letters sent to the chat: erasing keeps kind and date for the summary and drops the recipient.</summary>
public sealed class LetterPersonalData(CitizenDatabase db, CitizenBot.Core.Commune.CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Thư UBND xã đã gửi";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<Letter>(LetterBook.CollectionName).Find(l => l.AddressKey == who.Key)
            .Select(l => new PersonalRecord(LetterNames.Of(l.Kind), new Dictionary<string, string?> { ["Ngày gửi"] = clock.Moment(l.SentAt), ["Về"] = LetterNames.SubjectInWords(l.Subject) }));

    public ErasureResult Erase(ChatAddress who) => new(Anonymise(l => l.AddressKey == who.Key));

    public int Expire(DateTimeOffset before) => Anonymise(l => l.SentAt < before && l.AddressKey != "");

    private int Anonymise(System.Linq.Expressions.Expression<Func<Letter, bool>> which) => db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Letter>(LetterBook.CollectionName);
        var found = col.Find(which).ToList();
        foreach (var letter in found)
        {
            // The id names the recipient: the anonymous letter gets a new one.
            col.Delete(letter.Id);
            letter.Id = $"{letter.EventKey}|erased:{Guid.NewGuid():N}";
            letter.AddressKey = "";
            letter.Subject = "";
            col.Insert(letter);
        }

        return found.Count;
    });
}
