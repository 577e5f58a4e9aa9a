using CitizenBot.Core.Reception;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

public sealed class ReceptionCalendarTests
{
    // The harness starts on Tuesday 24/11/2026, 09:00 in the commune. 20/12/2026 and 10/01/2027 are Sundays.

    [Fact]
    public void Regular_days_are_the_10th_and_20th_and_a_Sunday_moves_to_the_next_working_day()
    {
        using var bot = new BotHarness();

        var days = bot.Get<ReceptionCalendar>().Upcoming(4);

        Assert.Equal([new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 20)], days.Select(d => d.Date));
        Assert.Equal(new DateOnly(2026, 12, 20), days[1].MovedFrom);
        Assert.Null(days[0].MovedFrom);
    }

    [Fact]
    public void With_the_skip_rule_a_day_on_a_Sunday_is_not_held()
    {
        using var bot = new BotHarness(new ReceptionOptions { OnHoliday = HolidayRule.Skip });

        var days = bot.Get<ReceptionCalendar>().Upcoming(3);

        // 10/02/2027 is skipped too: the day off in lieu for Tết's Sunday (mùng 2, 07/02/2027).
        Assert.Equal([new DateOnly(2026, 12, 10), new DateOnly(2027, 1, 20), new DateOnly(2027, 2, 20)], days.Select(d => d.Date));
    }

    [Fact]
    public void A_configured_holiday_moves_the_day_past_the_holiday_and_any_Sunday()
    {
        using var bot = new BotHarness(new ReceptionOptions { Holidays = [new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 11)] });

        var first = bot.Get<ReceptionCalendar>().Upcoming(1).Single();

        Assert.Equal(new DateOnly(2026, 12, 12), first.Date);
    }

    [Fact]
    public void Configured_days_of_month_and_hours_shape_the_schedule_and_its_slots()
    {
        using var bot = new BotHarness(new ReceptionOptions
        {
            DaysOfMonth = [5, 31],
            Hours = [new ReceptionHours(new TimeOnly(8, 0), new TimeOnly(10, 0))],
            SlotMinutes = 40,
            SlotCapacity = 3,
        });

        var days = bot.Get<ReceptionCalendar>().Upcoming(2);

        // 30/11 is the last day of November (31 is clamped); 5/12 is a Saturday, a working day.
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 5)], days.Select(d => d.Date));
        Assert.Equal(["08:00", "08:40", "09:20"], days[0].Slots.Select(s => s.Key));
        Assert.All(days[0].Slots, s => Assert.Equal(3, s.Capacity));
    }

    [Fact]
    public void Default_slots_are_half_hours_from_0730_to_1100_and_1330_to_1630()
    {
        using var bot = new BotHarness();

        var slots = bot.Get<ReceptionCalendar>().Upcoming(1).Single().Slots;

        Assert.Equal(13, slots.Count);
        Assert.Equal("07:30", slots[0].Key);
        Assert.Equal("10:30", slots[6].Key);
        Assert.Equal("13:30", slots[7].Key);
        Assert.Equal("16:00", slots[^1].Key);
    }

    [Fact]
    public void A_leader_session_added_by_an_officer_is_offered_in_date_order()
    {
        using var bot = new BotHarness();
        var calendar = bot.Get<ReceptionCalendar>();

        var session = calendar.AddLeaderSession(new DateOnly(2026, 12, 3), "Chủ tịch UBND xã tiếp công dân", "telegram:1");
        var days = calendar.Upcoming(3);

        Assert.Equal("Chủ tịch UBND xã tiếp công dân", days[0].Title);
        Assert.Equal(new DateOnly(2026, 12, 3), days[0].Date);
        Assert.NotNull(calendar.Find("L" + session.Id));
    }

    [Fact]
    public void A_day_whose_slots_have_all_started_is_no_longer_offered()
    {
        using var bot = new BotHarness(start: new DateTimeOffset(2026, 12, 10, 9, 1, 0, TimeSpan.Zero)); // 16:01 on the 10th

        var first = bot.Get<ReceptionCalendar>().Upcoming(1).Single();

        Assert.Equal(new DateOnly(2026, 12, 21), first.Date);
    }
}
