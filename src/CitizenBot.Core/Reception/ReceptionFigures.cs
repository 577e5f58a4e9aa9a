using System.Globalization;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Reception;

/// <summary>The citizen reception part of the summary.</summary>
public sealed record ReceptionFigures(int DaysHeld, int LeaderSessions, int Bookings, int Attended, int NoShows, int Cancelled)
{
    /// <summary>Reception days from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have come, and their bookings.</summary>
    public static ReceptionFigures Compute(CitizenDatabase db, ReceptionCalendar calendar, DateOnly from, DateOnly to, DateOnly today)
    {
        var days = calendar.Between(from, to).Where(d => d.Date <= today).ToList();
        var col = db.Collection<BsonDocument>(ReceptionBook.CollectionName);
        int bookings = 0, attended = 0, noShows = 0, cancelled = 0;
        var first = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var b in col.Query().Where(Query.Between(nameof(Booking.Date), first, last)).Select("{ s: $.Status }").ToEnumerable())
        {
            switch (b["s"].AsString)
            {
                case nameof(BookingStatus.Cancelled):
                    cancelled++;
                    continue;
                case nameof(BookingStatus.Attended):
                    attended++;
                    break;
                case nameof(BookingStatus.NoShow):
                    noShows++;
                    break;
            }

            bookings++;
        }

        return new ReceptionFigures(days.Count, days.Count(d => d.Key.StartsWith(ReceptionCalendar.LeaderPrefix, StringComparison.Ordinal)), bookings, attended, noShows, cancelled);
    }
}
