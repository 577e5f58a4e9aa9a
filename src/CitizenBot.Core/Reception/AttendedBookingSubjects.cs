using CitizenBot.Core.Commune;
using CitizenBot.Core.Ratings;

namespace CitizenBot.Core.Reception;

/// <summary>Offers the ratings slice every booking an officer marked attended.</summary>
public sealed class AttendedBookingSubjects(ReceptionBook bookings) : IRatingSubjectSource
{
    public IEnumerable<RatingSubject> Completed() =>
        bookings.Attended().Where(b => b.AddressKey.Length > 0).Select(b => new RatingSubject(
            $"booking:{b.Code}", $"buổi tiếp công dân ngày {VietnameseFormat.Date(b.Day)} (lịch hẹn {b.Code})", b.AddressKey, ServiceField.Reception));
}
