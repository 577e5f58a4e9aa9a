using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Reception;

/// <summary>
/// Bookings of reception slots. A booking is checked and written in one unit of work on the database's
/// single writer, and each held seat has a unique key, so a slot never takes more than its capacity
/// however many citizens press it at once.
/// </summary>
public sealed class ReceptionBook : ICitizenDirectory
{
    public const string CollectionName = "bookings";

    private readonly CitizenDatabase _db;
    private readonly ReceptionCalendar _calendar;
    private readonly CommuneClock _clock;

    public ReceptionBook(CitizenDatabase db, ReceptionCalendar calendar, CommuneClock clock)
    {
        _db = db;
        _calendar = calendar;
        _clock = clock;
        db.EnsureIndexes<Booking>(CollectionName, col =>
        {
            col.EnsureIndex(b => b.Code, unique: true);
            col.EnsureIndex(b => b.SeatKey, unique: true);
            col.EnsureIndex(b => b.AddressKey);
            col.EnsureIndex(b => b.DayKey);
            col.EnsureIndex(b => b.Date);
            col.EnsureIndex(b => b.Status);
        });
    }

    public ReceptionCalendar Calendar => _calendar;

    /// <summary>The outbox keys of a booking's reminders, so a cancellation can withdraw them.</summary>
    public static IEnumerable<string> ReminderKeys(Booking booking) =>
        [$"reception:{booking.Id}:reminder:eve", $"reception:{booking.Id}:reminder:day"];

    public Booking? Get(string code) => _db.Collection<Booking>(CollectionName).FindOne(b => b.Code == NormalizeCode(code));

    public Booking? Get(long id) => _db.Collection<Booking>(CollectionName).FindById(id);

    /// <summary>Free places per slot of a day; slots that have started are left out.</summary>
    public List<FreeSlot> FreeSlots(ReceptionDay day) => Free(_db.Collection<Booking>(CollectionName), day, _clock.UtcNow);

    /// <summary>The upcoming days that still have a free slot, each with its number of free places.</summary>
    public List<(ReceptionDay Day, int Free)> OpenDays(int count) =>
        [.. _calendar.Upcoming(count * 3)
            .Select(d => (Day: d, Free: FreeSlots(d).Sum(f => f.Free)))
            .Where(d => d.Free > 0)
            .Take(count)];

    /// <summary>The citizen's bookings still to come.</summary>
    public List<Booking> OpenFor(string addressKey)
    {
        var now = _clock.UtcNow;
        return [.. _db.Collection<Booking>(CollectionName)
            .Find(b => b.AddressKey == addressKey && b.Status == BookingStatus.Booked)
            .Where(b => b.EndsAt > now)
            .OrderBy(b => b.StartsAt)];
    }

    /// <summary>Every booking held for a date, in slot order (cancelled ones left out).</summary>
    public List<Booking> OnDate(DateOnly date)
    {
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [.. _db.Collection<Booking>(CollectionName)
            .Find(b => b.Date == text && b.Status != BookingStatus.Cancelled)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.DayKey, StringComparer.Ordinal).ThenBy(b => b.Id)];
    }

    /// <summary>Bookings still to come that start within the given window (for the reminder sweep).</summary>
    public List<Booking> BookedStartingBefore(DateTimeOffset until)
    {
        var now = _clock.UtcNow;
        return [.. _db.Collection<Booking>(CollectionName)
            .Find(b => b.Status == BookingStatus.Booked)
            .Where(b => b.StartsAt > now && b.StartsAt <= until)];
    }

    /// <summary>The phone the citizen gave with their latest booking.</summary>
    public string? PhoneOf(string addressKey) =>
        _db.Collection<Booking>(CollectionName).Find(b => b.AddressKey == addressKey).OrderByDescending(b => b.Id).FirstOrDefault()?.Phone;

    /// <summary>Attended bookings (for rating invitations).</summary>
    public List<Booking> Attended() => [.. _db.Collection<Booking>(CollectionName).Find(b => b.Status == BookingStatus.Attended)];

    /// <param name="confirmation">
    /// The messages that confirm the booking, queued in the same transaction as the booking itself, so a crash can
    /// never leave a booking the citizen was not told about.
    /// </param>
    public BookingResult Book(BookingRequest request, Func<Booking, IEnumerable<OutgoingMessage>>? confirmation = null) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Booking>(CollectionName);
        var now = _clock.UtcNow;
        var day = _calendar.Find(request.DayKey);
        var slot = day?.Slot(request.SlotKey);
        if (day is null || slot is null)
        {
            return new BookingResult(BookingOutcome.DayUnavailable, Alternatives: Nearest(col, null, now));
        }

        var startsAt = _calendar.StartOf(day, slot);
        if (startsAt <= now)
        {
            return new BookingResult(BookingOutcome.SlotPast, Alternatives: Nearest(col, startsAt, now));
        }

        Booking? previous = null;
        if (request.RescheduleCode is { } code)
        {
            previous = col.FindOne(b => b.Code == NormalizeCode(code));
            if (previous is null || previous.AddressKey != request.AddressKey || previous.Status != BookingStatus.Booked)
            {
                return BookingResult.Of(BookingOutcome.NotFound);
            }
        }

        var open = col.Find(b => b.AddressKey == request.AddressKey && b.Status == BookingStatus.Booked).Count(b => b.EndsAt > now && b.Id != previous?.Id);
        if (open >= _calendar.Options.MaxOpenBookings)
        {
            return BookingResult.Of(BookingOutcome.TooManyOpen);
        }

        var seats = col.Find(b => b.DayKey == day.Key && b.SlotKey == slot.Key && b.Status != BookingStatus.Cancelled).Select(b => b.SeatKey).ToHashSet();
        var seat = Enumerable.Range(0, slot.Capacity).Select(i => $"{day.Key}|{slot.Key}|{i}").FirstOrDefault(k => !seats.Contains(k));
        if (seat is null)
        {
            return new BookingResult(BookingOutcome.SlotTaken, Alternatives: Nearest(col, startsAt, now));
        }

        var booking = new Booking
        {
            Code = NewCode(col),
            AddressKey = request.AddressKey,
            DayKey = day.Key,
            Date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DayTitle = day.Title,
            SlotKey = slot.Key,
            StartsAt = startsAt,
            EndsAt = _calendar.EndOf(day, slot),
            SeatKey = seat,
            Topic = request.Topic,
            Details = request.Details,
            Name = request.Name,
            Phone = request.Phone,
            Status = BookingStatus.Booked,
            CreatedAt = now,
            RescheduledFrom = previous?.Code,
        };
        col.Insert(booking);
        if (previous is not null)
        {
            previous.RescheduledTo = booking.Code;
            Release(tx, previous, BookingStatus.Cancelled, request.AddressKey, now);
        }

        if (confirmation is not null)
        {
            var to = ChatAddress.Parse(request.AddressKey);
            Outbox.AddNew(tx, confirmation(booking).Select((m, i) => OutboxMessage.Create($"booking:{booking.Code}:confirmed:{i}", to, m, now)));
        }

        return new BookingResult(BookingOutcome.Booked, booking);
    });

    /// <summary>The citizen cancels one of their own bookings that has not started yet.</summary>
    public Booking? Cancel(string code, string addressKey) => _db.WriteTransaction(tx =>
    {
        var booking = tx.GetCollection<Booking>(CollectionName).FindOne(b => b.Code == NormalizeCode(code));
        if (booking is null || booking.AddressKey != addressKey || booking.Status != BookingStatus.Booked || booking.StartsAt <= _clock.UtcNow)
        {
            return null;
        }

        Release(tx, booking, BookingStatus.Cancelled, addressKey, _clock.UtcNow);
        return booking;
    });

    /// <summary>An officer marks a booking attended or absent, on or after its day. Null when it cannot be marked.</summary>
    public Booking? Mark(long id, bool attended, string actor) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Booking>(CollectionName);
        var booking = col.FindById(id);
        if (booking is null || booking.Status == BookingStatus.Cancelled || booking.Day > _clock.Today)
        {
            return null;
        }

        booking.Status = attended ? BookingStatus.Attended : BookingStatus.NoShow;
        booking.ChangedAt = _clock.UtcNow;
        booking.ChangedBy = actor;
        col.Update(booking);
        Outbox.Withdraw(tx, ReminderKeys(booking));
        AuditLog.Add(tx, _clock.UtcNow, actor, attended ? "reception.attended" : "reception.noshow", booking.Code);
        return booking;
    });

    public static string NormalizeCode(string code) => TrackingCode.Normalize(code, "LH");

    private void Release(LiteDatabase tx, Booking booking, BookingStatus status, string actor, DateTimeOffset now)
    {
        booking.Status = status;
        booking.SeatKey = $"released:{booking.Id}";
        booking.ChangedAt = now;
        booking.ChangedBy = actor;
        tx.GetCollection<Booking>(CollectionName).Update(booking);
        Outbox.Withdraw(tx, ReminderKeys(booking));
    }

    /// <summary>Free slots nearest in time to the one asked for (the same day first), for a polite alternative.</summary>
    private List<FreeSlot> Nearest(ILiteCollection<Booking> col, DateTimeOffset? wanted, DateTimeOffset now)
    {
        var free = _calendar.Upcoming(_calendar.Options.DaysOffered).SelectMany(day => Free(col, day, now));
        var target = wanted ?? now;
        return [.. free.OrderBy(f => (f.StartsAt - target).Duration()).Take(4).OrderBy(f => f.StartsAt)];
    }

    private List<FreeSlot> Free(ILiteCollection<Booking> col, ReceptionDay day, DateTimeOffset now)
    {
        var taken = col.Find(b => b.DayKey == day.Key && b.Status != BookingStatus.Cancelled)
            .GroupBy(b => b.SlotKey)
            .ToDictionary(g => g.Key, g => g.Count());
        return [.. day.Slots
            .Select(s => new FreeSlot(day, s, s.Capacity - taken.GetValueOrDefault(s.Key), _calendar.StartOf(day, s)))
            .Where(f => f.Free > 0 && f.StartsAt > now)];
    }

    private static string NewCode(ILiteCollection<Booking> col) => TrackingCode.New("LH", code => col.Exists(b => b.Code == code));
}
