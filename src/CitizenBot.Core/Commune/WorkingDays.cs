namespace CitizenBot.Core.Commune;

/// <summary>Working days: Monday to Friday, public holidays excluded.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date, Func<DateOnly, bool> isHoliday) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isHoliday(date);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/>.</summary>
    public static DateOnly Add(DateOnly from, int days, Func<DateOnly, bool> isHoliday)
    {
        var date = from;
        for (var added = 0; added < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, isHoliday))
            {
                added++;
            }
        }

        return date;
    }
}
