using CitizenBot.Core.Reception;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

public sealed class VietnamHolidaysTests
{
    [Theory]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-03")]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    public void The_lunar_new_year_is_Vietnams_including_the_years_it_differs_from_Chinas(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VietnamHolidays.LunarNewYear(year));

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    [InlineData(2028, "2028-04-04")]
    public void Gio_To_Hung_Vuong_is_the_10th_of_the_3rd_lunar_month(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VietnamHolidays.HungKings(year));

    [Fact]
    public void Tet_runs_from_new_years_eve_to_the_4th_day()
    {
        // Tết 2026: eve Monday 16/02, mùng 1 Tuesday 17/02 … mùng 4 Friday 20/02.
        Assert.False(VietnamHolidays.IsHoliday(new DateOnly(2026, 2, 15)));
        foreach (var day in Enumerable.Range(16, 5))
        {
            Assert.Equal("Tết Nguyên đán", VietnamHolidays.NameOf(new DateOnly(2026, 2, day)));
        }

        Assert.False(VietnamHolidays.IsHoliday(new DateOnly(2026, 2, 21)));
    }

    [Fact]
    public void A_holiday_on_a_Sunday_gives_the_next_working_day_off()
    {
        // Tết 2027: eve Friday 05/02 … mùng 4 Tuesday 09/02; mùng 2 is Sunday 07/02, so Wednesday 10/02 is off in lieu.
        Assert.Equal("Nghỉ bù ngày lễ", VietnamHolidays.NameOf(new DateOnly(2027, 2, 10)));
        Assert.False(VietnamHolidays.IsHoliday(new DateOnly(2027, 2, 11)));
        // 30/4/2028 is a Sunday: 1/5 is a holiday anyway, so Tuesday 2/5 is the day in lieu.
        Assert.Equal("Nghỉ bù ngày lễ", VietnamHolidays.NameOf(new DateOnly(2028, 5, 2)));
        Assert.False(VietnamHolidays.IsHoliday(new DateOnly(2028, 5, 3)));
    }

    [Theory]
    [InlineData(2024, "2024-09-03")] // 2/9 Monday: Tuesday 3/9, as decided in 2024
    [InlineData(2025, "2025-09-01")] // 2/9 Tuesday: Monday 1/9, as decided in 2025
    [InlineData(2021, "2021-09-03")] // Thursday: Friday
    [InlineData(2022, "2022-09-01")] // Friday: Thursday
    public void National_day_comes_with_one_adjacent_day(int year, string expected)
    {
        var adjacent = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(adjacent, VietnamHolidays.NationalDayAdjacent(year));
        Assert.Equal("Quốc khánh", VietnamHolidays.NameOf(adjacent));
        Assert.Equal("Quốc khánh", VietnamHolidays.NameOf(new DateOnly(year, 9, 2)));
    }

    [Fact]
    public void Solar_holidays_and_the_governments_extra_days_are_days_off()
    {
        var options = new ReceptionOptions { ExtraHolidays = [new DateOnly(2026, 2, 14)] };

        Assert.True(options.IsHoliday(new DateOnly(2027, 1, 1)));
        Assert.True(options.IsHoliday(new DateOnly(2027, 4, 30)));
        Assert.True(options.IsHoliday(new DateOnly(2027, 5, 1)));
        Assert.Equal("Ngày nghỉ theo quyết định của Chính phủ", options.HolidayName(new DateOnly(2026, 2, 14)));
        Assert.False(options.IsHoliday(new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void A_leaders_session_on_a_Sunday_is_refused_unless_confirmed_and_only_a_confirmed_one_is_offered_to_citizens()
    {
        // The harness's fake clock: Tuesday 24/11/2026. 06/12/2026 is a Sunday.
        using var bot = new BotHarness();
        var calendar = bot.Get<ReceptionCalendar>();
        var sunday = new DateOnly(2026, 12, 6);

        var refused = calendar.TryAddLeaderSession(sunday, "Chủ tịch UBND xã tiếp công dân", "account:lan", offDayConfirmed: false);

        Assert.Equal(AddSessionRefusal.DayOff, refused.Refusal);
        Assert.Contains("Chủ nhật", refused.Error, StringComparison.Ordinal);
        Assert.Empty(calendar.On(sunday));

        var added = calendar.TryAddLeaderSession(sunday, "Chủ tịch UBND xã tiếp công dân", "account:lan", offDayConfirmed: true);

        Assert.Equal(AddSessionRefusal.None, added.Refusal);
        Assert.True(added.Session!.OffDayConfirmed);
        Assert.Contains(calendar.Upcoming(10), d => d.Date == sunday);
    }

    [Fact]
    public void A_session_stored_on_a_day_off_without_confirmation_is_never_offered_or_bookable()
    {
        using var bot = new BotHarness();
        var calendar = bot.Get<ReceptionCalendar>();
        // As a session added before the check existed: stored without confirmation on Tết 2027.
        var session = calendar.AddLeaderSession(new DateOnly(2027, 2, 8), "Bí thư Đảng ủy tiếp công dân", "telegram:1");

        Assert.DoesNotContain(calendar.Upcoming(20), d => d.Key == $"L{session.Id}");
        Assert.Null(calendar.Find($"L{session.Id}"));
        Assert.False(calendar.FindAny($"L{session.Id}")!.OpenToCitizens);
    }

    [Fact]
    public void A_past_date_and_a_short_title_are_refused_with_a_reason()
    {
        using var bot = new BotHarness();
        var calendar = bot.Get<ReceptionCalendar>();

        Assert.Equal(AddSessionRefusal.PastDate, calendar.TryAddLeaderSession(new DateOnly(2026, 11, 2), "Chủ tịch tiếp dân", "a", false).Refusal);
        Assert.Equal(AddSessionRefusal.BadTitle, calendar.TryAddLeaderSession(new DateOnly(2026, 12, 3), "x", "a", false).Refusal);
    }
}
