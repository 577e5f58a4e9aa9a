using System.Globalization;

namespace CitizenBot.Core.Reception;

/// <summary>
/// Vietnam's official public holidays (Labour Code 2019, art. 112): Tết Dương lịch 1/1; Tết Nguyên đán from the lunar
/// new year's eve to the 4th day (the usual 5 days); Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9 and one
/// adjacent day; and a day off in lieu (nghỉ bù) on the next working day for a holiday that falls on a Sunday.
/// Lunar dates come from <see cref="ChineseLunisolarCalendar"/>, which counts in UTC+8; Vietnam's calendar counts in
/// UTC+7 and differs in a few years, listed in <see cref="VietnameseNewYearOverrides"/>. The government's yearly swaps
/// (extra days, a different adjacent day for 2/9) are added with the Reception:ExtraHolidays setting.
/// </summary>
public static class VietnamHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>Years in which the Vietnamese lunar new year differs from the Chinese one (the new moon falls between 23:00 and 24:00 UTC+7).</summary>
    private static readonly Dictionary<int, DateOnly> VietnameseNewYearOverrides = new()
    {
        [1985] = new DateOnly(1985, 1, 21),
        [2007] = new DateOnly(2007, 2, 17),
    };

    /// <summary>The holiday's name when <paramref name="date"/> is an official public holiday (or a day off in lieu), else null.</summary>
    public static string? NameOf(DateOnly date)
    {
        if (Fixed(date) is { } name)
        {
            return name;
        }

        // A holiday on a Sunday gives the next working day off (art. 112 cl. 3).
        return InLieu(date) ? "Nghỉ bù ngày lễ" : null;
    }

    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>The first day of the lunar year (mùng 1 Tết) that falls in the solar <paramref name="year"/>.</summary>
    public static DateOnly LunarNewYear(int year) =>
        VietnameseNewYearOverrides.TryGetValue(year, out var date) ? date : DateOnly.FromDateTime(Lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0));

    /// <summary>Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month of the lunar year starting in <paramref name="year"/>.</summary>
    public static DateOnly HungKings(int year)
    {
        var leap = Lunar.GetLeapMonth(year);
        // A leap month numbered 2 or 3 (the leap of month 1 or 2) comes before the 3rd month, which then has index 4.
        var month = leap is > 0 and <= 3 ? 4 : 3;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, month, 10, 0, 0, 0, 0));
    }

    /// <summary>The day next to 2/9 that is also off: the one that joins the weekend (Monday 2/9: Tuesday; Tuesday: Monday …).</summary>
    public static DateOnly NationalDayAdjacent(int year)
    {
        var day = new DateOnly(year, 9, 2);
        return day.DayOfWeek switch
        {
            DayOfWeek.Tuesday or DayOfWeek.Friday or DayOfWeek.Saturday => day.AddDays(-1),
            // Monday, Wednesday (as in 2020), Thursday (2021), Sunday.
            _ => day.AddDays(1),
        };
    }

    private static string? Fixed(DateOnly date)
    {
        switch (date.Month, date.Day)
        {
            case (1, 1):
                return "Tết Dương lịch";
            case (4, 30):
                return "Ngày Giải phóng miền Nam, thống nhất đất nước";
            case (5, 1):
                return "Ngày Quốc tế Lao động";
            case (9, 2):
                return "Quốc khánh";
        }

        if (date.Month == 9 && date == NationalDayAdjacent(date.Year))
        {
            return "Quốc khánh";
        }

        if (date.Month <= 2 && date.Year > Lunar.MinSupportedDateTime.Year && date.Year < Lunar.MaxSupportedDateTime.Year)
        {
            var newYear = LunarNewYear(date.Year);
            var offset = date.DayNumber - newYear.DayNumber;
            if (offset is >= -1 and <= 3)
            {
                return "Tết Nguyên đán";
            }
        }

        if (date.Month is 3 or 4 or 5 && date.Year > Lunar.MinSupportedDateTime.Year && date.Year < Lunar.MaxSupportedDateTime.Year
            && date == HungKings(date.Year))
        {
            return "Giỗ Tổ Hùng Vương";
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="date"/> is the working day right after a run of holidays (and Sundays) in which a holiday
    /// fell on a Sunday: that day is given off in lieu.
    /// </summary>
    private static bool InLieu(DateOnly date)
    {
        if (date.DayOfWeek == DayOfWeek.Sunday || Fixed(date) is not null)
        {
            return false;
        }

        var day = date.AddDays(-1);
        for (var i = 0; i < 14; i++, day = day.AddDays(-1))
        {
            var holiday = Fixed(day) is not null;
            if (holiday && day.DayOfWeek == DayOfWeek.Sunday)
            {
                return true;
            }

            if (!holiday && day.DayOfWeek != DayOfWeek.Sunday)
            {
                return false;
            }
        }

        return false;
    }
}
