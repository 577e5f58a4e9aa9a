using System.Globalization;
using CitizenBot.Core.Reception;
using Microsoft.Extensions.Options;

namespace CitizenBot.Host.Configuration;

/// <summary>The <c>Reception</c> section as written: schedule, holidays, slots and booking limits; <see cref="ReceptionSettings.ToReceptionOptions"/> is the post-bind step.</summary>
public sealed class ReceptionSettingsOptions
{
    public const string Section = "Reception";

    /// <summary>The lists as written: a list, or one comma-separated value (an environment variable), read after binding.</summary>
    public List<string> DaysOfMonth { get; set; } = [];

    public List<string> Holidays { get; set; } = [];

    /// <summary>The government's yearly extra days off, dd/MM/yyyy (Reception:ExtraHolidays).</summary>
    public List<string> ExtraHolidays { get; set; } = [];

    public List<string> Hours { get; set; } = [];

    public string? OnHoliday { get; set; }

    public int SlotMinutes { get; set; } = new ReceptionOptions().SlotMinutes;

    public int SlotCapacity { get; set; } = new ReceptionOptions().SlotCapacity;

    public int MaxOpenBookings { get; set; } = new ReceptionOptions().MaxOpenBookings;

    public int DaysOffered { get; set; } = new ReceptionOptions().DaysOffered;

    /// <summary>Null when not set (the default); set but blank is an error.</summary>
    public string? Place { get; set; }

    public string? Papers { get; set; }
}

public sealed class ReceptionSettingsValidator(IConfiguration config) : IValidateOptions<ReceptionSettingsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReceptionSettingsOptions options) => Settings.Result(
    [
        Settings.CheckInt(config, "Reception:SlotMinutes", 5, 240),
        Settings.CheckInt(config, "Reception:SlotCapacity", 1, 50),
        Settings.CheckInt(config, "Reception:MaxOpenBookings", 1, 10),
        Settings.CheckInt(config, "Reception:DaysOffered", 1, 10),
        options is null ? null : Settings.Check(() => ReceptionSettings.ToReceptionOptions(options)),
    ]);
}

/// <summary>Turns the bound <c>Reception</c> section into the schedule, checking it.</summary>
public static class ReceptionSettings
{
    public static ReceptionOptions ToReceptionOptions(ReceptionSettingsOptions settings)
    {
        var defaults = new ReceptionOptions();
        var days = settings.DaysOfMonth;
        var holidays = settings.Holidays;
        var hours = settings.Hours;
        var options = new ReceptionOptions
        {
            DaysOfMonth = days.Count == 0 ? defaults.DaysOfMonth : [.. days.Select(d => DayOfMonth(d))],
            YearlyHolidays = holidays.Count == 0 ? defaults.YearlyHolidays : [.. holidays.Where(h => h.Count(c => c == '/') == 1).Select(Yearly)],
            Holidays = [.. holidays.Where(h => h.Count(c => c == '/') == 2).Select(Dated)],
            ExtraHolidays = [.. settings.ExtraHolidays.Select(Extra)],
            OnHoliday = OnHoliday(settings.OnHoliday),
            Hours = hours.Count == 0 ? defaults.Hours : [.. hours.Select(Hours)],
            SlotMinutes = settings.SlotMinutes,
            SlotCapacity = settings.SlotCapacity,
            MaxOpenBookings = settings.MaxOpenBookings,
            DaysOffered = settings.DaysOffered,
            Place = Text(settings.Place, "Reception:Place", defaults.Place),
            Papers = Text(settings.Papers, "Reception:Papers", defaults.Papers),
        };
        if (options.Hours.Any(h => h.End.ToTimeSpan() - h.Start.ToTimeSpan() < TimeSpan.FromMinutes(options.SlotMinutes)))
        {
            throw new ConfigurationException("Reception:Hours", $"every block must be at least Reception:SlotMinutes ({options.SlotMinutes}) long.");
        }

        return options;
    }

    private static string Text(string? value, string key, string fallback) =>
        value is null ? fallback : string.IsNullOrWhiteSpace(value) ? throw new ConfigurationException(key, "must not be empty.") : value.Trim();

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

    private static DateOnly Extra(string text) =>
        DateOnly.TryParseExact(text.Trim(), "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ConfigurationException("Reception:ExtraHolidays", $"'{text}' is not a date dd/MM/yyyy (e.g. 16/02/2026).");

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
