using CitizenBot.Channels.Zalo;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>
/// A booking made on Zalo, reminded days later when the free window has long closed: with a BookingReminder template the
/// reminders go as ZNS template messages to the booking's phone (from Zalo's information form), once each.
/// </summary>
public sealed class ZaloBookingReminderTests : ZaloScenario
{
    private const string Citizen = "zu-8001";

    protected override Dictionary<string, string?> ZaloSettings(FakeZaloServer zalo) => zalo.Settings(templates: true);

    [Fact]
    public async Task The_eve_and_day_reminders_of_a_Zalo_booking_go_by_ZNS_to_the_bookings_phone_once_each()
    {
        await Zalo.MenuAsync(Citizen);
        var code = await Zalo.BookAsync(Citizen);
        await OutboxSettledAsync();
        var inChat = Zalo.SentTo(Citizen).Count;

        // 16:00 on the eve (09:00 UTC), two weeks after the citizen last wrote.
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 1, 0, TimeSpan.Zero));
        await Bot.RunReminderSweepAsync();
        await OutboxSettledAsync();

        var eve = Assert.Single(Zalo.Sent("zns"));
        Assert.Equal("84912345678", eve.Phone);
        Assert.Equal("301002", eve.TemplateId);
        Assert.Equal(code, eve.Body["template_data"]!["booking_code"]!.GetValue<string>());
        Assert.Equal("10/12/2026", eve.Body["template_data"]!["date"]!.GetValue<string>());
        Assert.Equal("07:30", eve.Body["template_data"]!["time"]!.GetValue<string>());
        Assert.Equal(inChat, Zalo.SentTo(Citizen).Count);

        // Again the same evening: nothing more. At 07:00 on the day: the day's reminder, once.
        await Bot.RunReminderSweepAsync();
        await OutboxSettledAsync();
        Assert.Single(Zalo.Sent("zns"));
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 0, 1, 0, TimeSpan.Zero));
        await Bot.RunReminderSweepAsync();
        await Bot.RunReminderSweepAsync();
        await OutboxSettledAsync();

        Assert.Equal(2, Zalo.Sent("zns").Count);
        Assert.NotEqual(eve.Body["tracking_id"]!.GetValue<string>(), Zalo.Sent("zns")[1].Body["tracking_id"]!.GetValue<string>());
        var report = await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo");
        Assert.Equal(2, report.ZnsThisMonth);
        Assert.Empty(report.WaitingMessages);
    }
}
