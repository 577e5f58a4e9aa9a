using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Reception;

/// <summary>/lichhen [ngày]: a day's bookings in slot order, with a button to mark each attended or absent.</summary>
public sealed class DayBookingsCommand(ReceptionBook bookings, CommuneClock clock) : IOfficerCommand
{
    public const string CommandName = "lichhen";

    public string Name => CommandName;

    public UserRole Role => UserRole.Officer;

    public bool ShowsPersonalData => true;

    public string Usage => "/lichhen [ngày] – danh sách lịch hẹn tiếp công dân của một ngày (mặc định hôm nay)";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        if (ReceptionCommandArguments.Date(command.Arguments, clock) is not { } date)
        {
            command.Send(ReceptionOfficerTexts.DateUsage);
            return Task.CompletedTask;
        }

        Show(command, date);
        return Task.CompletedTask;
    }

    public void Show(OfficerCommandContext command, DateOnly date)
    {
        var list = bookings.OnDate(date);
        var text = ReceptionOfficerTexts.DayList(date, bookings.Calendar.On(date), list, clock);
        var buttons = date > clock.Today
            ? []
            : list.Where(b => b.Status == BookingStatus.Booked).SelectMany(b => new[]
            {
                OfficerCommandContext.Button($"{ReceptionOfficerTexts.AttendedLabel} {clock.ToLocal(b.StartsAt):HH\\:mm} {b.Code} có mặt", MarkBookingCommand.AttendedName, b.Code),
                OfficerCommandContext.Button($"{ReceptionOfficerTexts.NoShowLabel} {clock.ToLocal(b.StartsAt):HH\\:mm} {b.Code} vắng", MarkBookingCommand.NoShowName, b.Code),
            }).ToArray();
        command.Send(text, buttons);
    }
}

/// <summary>/comat LH-XXXXXX and /vang LH-XXXXXX (or their buttons): mark a booking attended or absent.</summary>
public sealed class MarkBookingCommand(ReceptionBook bookings, CommuneClock clock, bool attended) : IOfficerCommand
{
    public const string AttendedName = "comat";
    public const string NoShowName = "vang";

    public string Name => attended ? AttendedName : NoShowName;

    public UserRole Role => UserRole.Officer;

    public bool ShowsPersonalData => true;

    public string Usage => attended ? "/comat <mã lịch hẹn> – ghi nhận công dân có mặt" : "/vang <mã lịch hẹn> – ghi nhận công dân vắng mặt";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var booking = bookings.Get(command.Arguments.Trim());
        var marked = booking is null ? null : bookings.Mark(booking.Id, attended, command.Actor);
        if (marked is null)
        {
            command.Send(ReceptionOfficerTexts.CannotMark);
            return Task.CompletedTask;
        }

        command.Send(ReceptionOfficerTexts.Marked(marked));
        new DayBookingsCommand(bookings, clock).Show(command, marked.Day);
        return Task.CompletedTask;
    }
}

/// <summary>/xuatlich [ngày] [xlsx]: the day's bookings as a CSV (default) or XLSX file.</summary>
public sealed class ExportBookingsCommand(ReceptionBook bookings, BookingExport export, CommuneClock clock) : IOfficerCommand
{
    public string Name => "xuatlich";

    public UserRole Role => UserRole.Officer;

    public bool ShowsPersonalData => true;

    public string Usage => "/xuatlich [ngày] [xlsx] – xuất danh sách lịch hẹn của một ngày ra tệp CSV hoặc Excel";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var words = command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var xlsx = words.RemoveAll(w => TextMatching.IsAny(w, "xlsx", "excel")) > 0;
        words.RemoveAll(w => TextMatching.IsAny(w, "csv"));
        if (ReceptionCommandArguments.Date(string.Join(' ', words), clock) is not { } date)
        {
            command.Send(ReceptionOfficerTexts.DateUsage.Replace("/lichhen", "/xuatlich", StringComparison.Ordinal));
            return Task.CompletedTask;
        }

        var file = xlsx
            ? new FileAttachment(BookingExport.FileName(date, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Xlsx(date))
            : new FileAttachment(BookingExport.FileName(date, "csv"), "text/csv", export.Csv(date));
        command.Send(OutgoingMessage.Document(ReceptionOfficerTexts.Exported(date, bookings.OnDate(date).Count), file));
        return Task.CompletedTask;
    }
}

/// <summary>
/// /themlich 15/12/2026 Chủ tịch UBND xã tiếp công dân: adds a leader's reception session. A Sunday or a public holiday is
/// refused unless the officer writes "xacnhan" after the date (/themlich 06/12/2026 xacnhan Chủ tịch tiếp dân).
/// </summary>
public sealed class AddSessionCommand(ReceptionCalendar calendar, CommuneClock clock) : IOfficerCommand
{
    public string Name => "themlich";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/themlich <ngày/tháng/năm> <tiêu đề> – thêm buổi tiếp công dân của lãnh đạo";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var parts = command.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var date = parts.Length == 2 ? Engine.DatePrompt.Parse(parts[0], clock.Today) : null;
        var title = parts.Length == 2 ? parts[1] : "";
        var confirmed = false;
        var words = title.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && TextMatching.IsAny(words[0], ReceptionOfficerTexts.ConfirmDayOffWord, "xác nhận"))
        {
            confirmed = true;
            title = words.Length == 2 ? words[1] : "";
        }

        if (date is null || title.Length is < 3 or > 120)
        {
            command.Send(ReceptionOfficerTexts.AddUsage);
            return Task.CompletedTask;
        }

        var result = calendar.TryAddLeaderSession(date.Value, title, command.Actor, confirmed);
        switch (result.Refusal)
        {
            case AddSessionRefusal.None:
                command.Send(ReceptionOfficerTexts.Added(date.Value, title));
                break;
            case AddSessionRefusal.PastDate:
                command.Send(ReceptionOfficerTexts.PastDate);
                break;
            case AddSessionRefusal.DayOff:
                command.Send(ReceptionOfficerTexts.DayOff(date.Value, calendar.DayOffName(date.Value) ?? "", title));
                break;
            default:
                command.Send(ReceptionOfficerTexts.AddUsage);
                break;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Reads a command's date argument: empty means today.</summary>
internal static class ReceptionCommandArguments
{
    public static DateOnly? Date(string arguments, CommuneClock clock) =>
        string.IsNullOrWhiteSpace(arguments) ? clock.Today : Engine.DatePrompt.Parse(arguments.Trim(), clock.Today);
}
