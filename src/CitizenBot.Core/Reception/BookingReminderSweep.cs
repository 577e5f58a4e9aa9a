using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Reception;

/// <summary>
/// The Hangfire job that reminds citizens of their booking at 16:00 the day before and at 07:00 on the day
/// (commune time). Reminders are queued under keys derived from the booking, so a second run or a run
/// after a crash sends nothing twice, and only booked (not cancelled) bookings are reminded.
/// </summary>
public sealed class BookingReminderSweep(
    ReceptionBook bookings,
    ReceptionOptions options,
    Outbox outbox,
    CommuneClock clock,
    ILogger<BookingReminderSweep> logger) : ISweep
{
    public const string JobId = "reception-reminders";
    string ISweep.Id => JobId;
    string ISweep.Cron => "* * * * *";
    public static readonly TimeOnly EveTime = new(16, 0);
    public static readonly TimeOnly DayTime = new(7, 0);

    public int Run()
    {
        var now = clock.UtcNow;
        var queued = 0;
        foreach (var booking in bookings.BookedStartingBefore(now.AddDays(2)))
        {
            var eve = clock.FromLocal(booking.Day.AddDays(-1).ToDateTime(EveTime));
            var dayOf = clock.FromLocal(booking.Day.ToDateTime(DayTime));
            var address = ChatAddress.Parse(booking.AddressKey);
            var keys = ReceptionBook.ReminderKeys(booking).ToList();
            // A reminder is due once its time has come, and only if the booking existed before that time.
            if (now >= dayOf && booking.CreatedAt < dayOf)
            {
                queued += outbox.Enqueue(OutboxMessage.Create(keys[1], address, new OutgoingMessage(ReceptionTexts.ReminderDay(booking, options, clock)), now)).Count;
            }
            else if (now >= eve && now < dayOf && booking.CreatedAt < eve)
            {
                queued += outbox.Enqueue(OutboxMessage.Create(keys[0], address, new OutgoingMessage(ReceptionTexts.ReminderEve(booking, options, clock)), now)).Count;
            }
        }

        if (queued > 0)
        {
            logger.LogInformation("Reception reminder sweep queued {Count} reminders", queued);
        }

        return queued;
    }
}
