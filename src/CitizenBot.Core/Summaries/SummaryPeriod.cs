using System.Globalization;
using System.Text.RegularExpressions;
using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Summaries;

/// <summary>A reporting period in the commune's calendar: a month, a quarter, a year or any range of days.</summary>
public sealed partial record SummaryPeriod(DateOnly From, DateOnly To, string Title)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>The key under which a period's summary is sent, e.g. "2026-11-01..2026-11-30".</summary>
    public string Key => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";

    public static SummaryPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new SummaryPeriod(from, from.AddMonths(1).AddDays(-1), $"tháng {month:D2}/{year}");
    }

    public static SummaryPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new SummaryPeriod(from, from.AddMonths(3).AddDays(-1), $"quý {Roman[quarter - 1]}/{year}");
    }

    public static SummaryPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"năm {year}");

    public static SummaryPeriod Range(DateOnly from, DateOnly to) =>
        new(from, to, $"từ {VietnameseFormat.Date(from)} đến {VietnameseFormat.Date(to)}");

    /// <summary>The month before the one <paramref name="today"/> is in: what the 1st-of-the-month job reports.</summary>
    public static SummaryPeriod PreviousMonth(DateOnly today)
    {
        var previous = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return Month(previous.Year, previous.Month);
    }

    /// <summary>
    /// Reads what a leader types: "11/2026", "tháng 11/2026", "quý 3/2026", "q3 2026", "2026", "năm 2026",
    /// "01/01/2023-31/12/2025" (also "đến"); empty means last month. Null when it cannot be read or lies in the future.
    /// </summary>
    public static SummaryPeriod? Parse(string? text, DateOnly today)
    {
        var folded = TextMatching.Fold(text).Trim();
        if (folded.Length == 0)
        {
            return PreviousMonth(today);
        }

        SummaryPeriod? period = null;
        if (RangePattern().Match(folded) is { Success: true } range
            && TryDate(range.Groups[1].Value, out var from) && TryDate(range.Groups[2].Value, out var to) && from <= to)
        {
            period = Range(from, to);
        }
        else if (QuarterPattern().Match(folded) is { Success: true } quarter
            && int.Parse(quarter.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 4 and var q && ValidYear(quarter.Groups[2].Value, out var qYear))
        {
            period = Quarter(qYear, q);
        }
        else if (MonthPattern().Match(folded) is { Success: true } month
            && int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m && ValidYear(month.Groups[2].Value, out var mYear))
        {
            period = Month(mYear, m);
        }
        else if (YearPattern().Match(folded) is { Success: true } year && ValidYear(year.Groups[1].Value, out var y))
        {
            period = Year(y);
        }

        return period is not null && period.From <= today ? period : null;
    }

    private static bool ValidYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 2000 and <= 2100;

    [GeneratedRegex(@"^(?:tu\s+)?(\d{1,2}/\d{1,2}/\d{4})\s*(?:-|–|den)\s*(\d{1,2}/\d{1,2}/\d{4})$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(?:quy|q)\s*(\d)\s*[/ ]\s*(\d{4})$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:thang\s*)?(\d{1,2})\s*[/ -]\s*(\d{4})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?:nam\s*)?(\d{4})$")]
    private static partial Regex YearPattern();
}
