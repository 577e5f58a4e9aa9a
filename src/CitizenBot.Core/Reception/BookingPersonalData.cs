using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Reception;

/// <summary>The chat's bookings. Erasing cancels the coming ones (the seat is freed) and keeps past ones only as anonymous counts.</summary>
public sealed class BookingPersonalData(CitizenDatabase db, ReceptionBook bookings, CommuneClock clock) : IPersonalDataHolder
{
    public string Section => "Lịch hẹn tiếp công dân";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<Booking>(ReceptionBook.CollectionName).Find(b => b.AddressKey == who.Key).OrderBy(b => b.StartsAt)
            .Select(b => new PersonalRecord(b.Code, new Dictionary<string, string?>
            {
                ["Ngày giờ"] = $"{VietnameseFormat.Date(b.Day)} {clock.ToLocal(b.StartsAt):HH:mm}", ["Nội dung"] = b.Details, ["Họ tên"] = b.Name,
                ["Số điện thoại"] = b.Phone, ["Trạng thái"] = BookingExport.StatusLabel(b.Status),
            }));

    public ErasureResult Erase(ChatAddress who)
    {
        foreach (var coming in db.Collection<Booking>(ReceptionBook.CollectionName).Find(b => b.AddressKey == who.Key && b.Status == BookingStatus.Booked).ToList())
        {
            bookings.Cancel(coming.Code, who.Key);
        }

        return new ErasureResult(Anonymise(b => b.AddressKey == who.Key));
    }

    public int Expire(DateTimeOffset before) => Anonymise(b => b.EndsAt < before && b.Name != "");

    private int Anonymise(System.Linq.Expressions.Expression<Func<Booking, bool>> which) =>
        db.UpdateMany<Booking>(ReceptionBook.CollectionName, which, b => (b.AddressKey, b.Name, b.Phone, b.Details) = ("", "", "", ""));
}
