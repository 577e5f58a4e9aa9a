using System.Text;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CitizenBot.Core.Reception;

/// <summary>An .ics file for a booking, so the citizen's phone can put it in the calendar with a reminder.</summary>
public static class BookingCalendarFile
{
    public static FileAttachment For(Booking booking, ReceptionOptions options, CommuneOptions commune)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{booking.Code}@citizenbot",
            Summary = ReceptionTexts.CalendarTitle(commune.Name),
            Description = $"Mã lịch hẹn {booking.Code}. Nội dung: {ReceptionTopics.Label(booking.Topic)}. Xin mang theo: {options.Papers}.",
            Location = options.Place,
            DtStart = new CalDateTime(booking.StartsAt.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(booking.EndsAt.UtcDateTime, "UTC"),
        };
        calendarEvent.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = ReceptionTexts.CalendarTitle(commune.Name),
            Trigger = new Trigger(Duration.FromHours(-2)),
        });
        var calendar = new Calendar();
        calendar.Events.Add(calendarEvent);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new FileAttachment($"lich-hen-{booking.Code}.ics", "text/calendar", Encoding.UTF8.GetBytes(text));
    }
}
