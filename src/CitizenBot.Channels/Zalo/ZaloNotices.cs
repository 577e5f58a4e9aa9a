using System.Globalization;
using System.Text.Json.Nodes;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Reception;

namespace CitizenBot.Channels.Zalo;

/// <summary>A notice that may go as a ZNS template message: its kind, the phone it goes to (84…) and the template's data.</summary>
public sealed record ZaloNotice(ZaloNoticeKind Kind, string Phone, JsonObject Data)
{
    /// <summary>For a dossier notice: the dossier and the history entry it tells of.</summary>
    public (string Code, int Seq)? Change { get; init; }
}

/// <summary>
/// Tells dossier and booking notices from other messages by their outbox key, and finds the phone and the values their
/// ZNS templates need (the dossier's or the booking's own phone, so even an applicant who never wrote to the OA is reached).
/// </summary>
public sealed class ZaloNotices(DossierBook dossiers, ReceptionBook bookings, CommuneClock clock)
{
    public ZaloNotice? Resolve(string? outboxKey)
    {
        if (outboxKey is null)
        {
            return null;
        }

        var parts = outboxKey.Split(':');

        // "dossier:{code}:change:{seq}:{follow}" (DossierFollowSweep).
        if (parts.Length >= 4 && parts[0] == "dossier" && parts[2] == "change" && dossiers.Get(parts[1]) is { } dossier && ToZaloPhone(dossier.Phone) is { } phone)
        {
            return new ZaloNotice(ZaloNoticeKind.DossierStatus, phone, new JsonObject
            {
                ["dossier_code"] = dossier.Code,
                ["procedure"] = dossier.Procedure,
                ["status"] = DossierStatusWords.InWords(dossier.Status),
                ["due_date"] = clock.ToLocal(dossier.DueAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            })
            {
                Change = int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? (dossier.Code, seq) : null,
            };
        }

        // "reception:{id}:reminder:{eve|day}" (ReceptionBook.ReminderKeys).
        if (parts.Length == 4 && parts[0] == "reception" && parts[2] == "reminder"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && bookings.Get(id) is { } booking && ToZaloPhone(booking.Phone) is { } bookingPhone)
        {
            return new ZaloNotice(ZaloNoticeKind.BookingReminder, bookingPhone, new JsonObject
            {
                ["booking_code"] = booking.Code,
                ["date"] = VietnameseFormat.Date(booking.Day),
                ["time"] = clock.ToLocal(booking.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
            });
        }

        return null;
    }

    /// <summary>ZNS wants the number with the country code: 0912345678 becomes 84912345678.</summary>
    public static string? ToZaloPhone(string? phone)
    {
        var digits = string.Concat((phone ?? "").Where(char.IsAsciiDigit));
        return digits.Length == 10 && digits[0] == '0' ? "84" + digits[1..]
            : digits.Length == 11 && digits.StartsWith("84", StringComparison.Ordinal) ? digits
            : null;
    }
}
