using System.Globalization;
using CitizenBot.Core.Reception;

namespace CitizenBot.Host.Configuration;

/// <summary>Reads and checks the <c>Reception</c> section: schedule, holidays, slots and booking limits.</summary>
public static class ReceptionSettings
{
    public static ReceptionOptions Load(IConfiguration config)
    {
        var defaults = new ReceptionOptions();
        var days = HostSettings.ReadStrings(config, "Reception:DaysOfMonth");
        var holidays = HostSettings.ReadStrings(config, "Reception:Holidays");
        var hours = HostSettings.ReadStrings(config, "Reception:Hours");
        var options = new ReceptionOptions
        {
            DaysOfMonth = days.Count == 0 ? defaults.DaysOfMonth : [.. days.Select(d => DayOfMonth(d))],
            YearlyHolidays = holidays.Count == 0 ? defaults.YearlyHolidays : [.. holidays.Where(h => h.Count(c => c == '/') == 1).Select(Yearly)],
            Holidays = [.. holidays.Where(h => h.Count(c => c == '/') == 2).Select(Dated)],
            OnHoliday = OnHoliday(config["Reception:OnHoliday"]),
            Hours = hours.Count == 0 ? defaults.Hours : [.. hours.Select(Hours)],
            SlotMinutes = HostSettings.ReadInt(config, "Reception:SlotMinutes", defaults.SlotMinutes, 5, 240),
            SlotCapacity = HostSettings.ReadInt(config, "Reception:SlotCapacity", defaults.SlotCapacity, 1, 50),
            MaxOpenBookings = HostSettings.ReadInt(config, "Reception:MaxOpenBookings", defaults.MaxOpenBookings, 1, 10),
            DaysOffered = HostSettings.ReadInt(config, "Reception:DaysOffered", defaults.DaysOffered, 1, 10),
            Place = HostSettings.RequireText(config, "Reception:Place", defaults.Place),
            Papers = HostSettings.RequireText(config, "Reception:Papers", defaults.Papers),
        };
        if (options.Hours.Any(h => h.End.ToTimeSpan() - h.Start.ToTimeSpan() < TimeSpan.FromMinutes(options.SlotMinutes)))
        {
            throw new ConfigurationException("Reception:Hours", $"every block must be at least Reception:SlotMinutes ({options.SlotMinutes}) long.");
        }

        return options;
    }

    private static int DayOfMonth(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
            ? day
            : throw new ConfigurationException("Reception:DaysOfMonth", $"'{text}' is not a day of the month (1-31).");

    private static (int Day, int Month) Yearly(string text) =>
        DateTime.TryParseExact(text + "/2000", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.Day, date.Month)
            : throw new ConfigurationException("Reception:Holidays", $"'{text}' is not a day/month (e.g. 30/4) or a day/month/year (e.g. 17/2/2026).");

    private static DateOnly Dated(string text) =>
        DateOnly.TryParseExact(text, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ConfigurationException("Reception:Holidays", $"'{text}' is not a day/month/year (e.g. 17/2/2026).");

    private static HolidayRule OnHoliday(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HolidayRule.Move;
        }

        return Enum.TryParse<HolidayRule>(text, ignoreCase: true, out var rule) && Enum.IsDefined(rule)
            ? rule
            : throw new ConfigurationException("Reception:OnHoliday", $"'{text}' is not one of Move, Skip.");
    }

    private static ReceptionHours Hours(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && end > start)
        {
            return new ReceptionHours(start, end);
        }

        throw new ConfigurationException("Reception:Hours", $"'{text}' is not a block of hours like 07:30-11:00.");
    }
}
