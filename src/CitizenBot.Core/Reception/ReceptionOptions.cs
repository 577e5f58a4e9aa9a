namespace CitizenBot.Core.Reception;

/// <summary>What happens to a reception day that falls on a Sunday or a public holiday.</summary>
public enum HolidayRule
{
    /// <summary>Held on the next working day instead.</summary>
    Move,

    /// <summary>Not held that month.</summary>
    Skip,
}

/// <summary>A block of reception hours, cut into slots.</summary>
public sealed record ReceptionHours(TimeOnly Start, TimeOnly End)
{
    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>The reception schedule and booking rules, read from the <c>Reception</c> configuration section.</summary>
public sealed class ReceptionOptions
{
    /// <summary>Regular reception days of the month (the 10th and the 20th, matching the district chairman's days).</summary>
    public IReadOnlyList<int> DaysOfMonth { get; init; } = [10, 20];

    /// <summary>Public holidays on a fixed day every year (day, month).</summary>
    public IReadOnlyList<(int Day, int Month)> YearlyHolidays { get; init; } = [(1, 1), (30, 4), (1, 5), (2, 9)];

    /// <summary>Public holidays on one date (Tết and Giỗ Tổ follow the lunar calendar, so they are listed per year).</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    public HolidayRule OnHoliday { get; init; } = HolidayRule.Move;

    public IReadOnlyList<ReceptionHours> Hours { get; init; } =
        [new(new TimeOnly(7, 30), new TimeOnly(11, 0)), new(new TimeOnly(13, 30), new TimeOnly(16, 30))];

    public int SlotMinutes { get; init; } = 30;

    public int SlotCapacity { get; init; } = 1;

    public int MaxOpenBookings { get; init; } = 2;

    /// <summary>How many upcoming reception days a citizen is offered.</summary>
    public int DaysOffered { get; init; } = 4;

    public string Place { get; init; } = "Phòng tiếp công dân, trụ sở UBND xã";

    public string Papers { get; init; } = "Căn cước công dân và các giấy tờ liên quan đến nội dung ông/bà cần trình bày (nếu có)";

    /// <summary>
    /// Days off the government adds in a given year (swaps around Tết, 2/9 …), from Reception:ExtraHolidays; on top of
    /// the official holidays <see cref="VietnamHolidays"/> computes.
    /// </summary>
    public IReadOnlyList<DateOnly> ExtraHolidays { get; init; } = [];

    /// <summary>Whether Vietnam's official public holidays (Tết, Giỗ Tổ, 30/4, 1/5, 2/9 …) are computed; tests of other rules may turn it off.</summary>
    public bool OfficialHolidays { get; init; } = true;

    public bool IsHoliday(DateOnly date) => HolidayName(date) is not null;

    /// <summary>Why a date is a day off ("Tết Nguyên đán", "Ngày nghỉ theo quyết định của Chính phủ"), or null when it is not.</summary>
    public string? HolidayName(DateOnly date)
    {
        if (OfficialHolidays && VietnamHolidays.NameOf(date) is { } official)
        {
            return official;
        }

        if (ExtraHolidays.Contains(date) || Holidays.Contains(date))
        {
            return "Ngày nghỉ theo quyết định của Chính phủ";
        }

        return YearlyHolidays.Any(h => h.Day == date.Day && h.Month == date.Month) ? "Ngày nghỉ lễ" : null;
    }
}
