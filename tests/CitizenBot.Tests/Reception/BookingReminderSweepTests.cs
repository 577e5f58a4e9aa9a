using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

public sealed class BookingReminderSweepTests : IDisposable
{
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _citizen = new("web", "c0000000000000000000000000000004");

    public void Dispose() => _bot.Dispose();

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private List<OutboxMessage> Reminders() => [.. _bot.Get<Outbox>().For(_citizen.Key, 0, 1000).Where(m => m.Key.Contains(":reminder:", StringComparison.Ordinal))];

    [Fact]
    public async Task Reminders_go_out_at_1600_the_day_before_and_0700_on_the_day_once_each()
    {
        await _bot.BookAsync(_citizen);
        var sweep = _bot.Get<BookingReminderSweep>();

        _bot.Clock.SetUtcNow(Local(12, 9, 15, 59));
        Assert.Equal(0, sweep.Run());
        _bot.Clock.SetUtcNow(Local(12, 9, 16, 0));
        Assert.Equal(1, sweep.Run());
        Assert.Equal(0, sweep.Run());
        _bot.Clock.SetUtcNow(Local(12, 10, 7, 0));
        Assert.Equal(1, sweep.Run());
        _bot.Restart();
        Assert.Equal(0, _bot.Get<BookingReminderSweep>().Run());

        var reminders = Reminders();
        Assert.Equal(2, reminders.Count);
        Assert.Contains("ngày mai ông/bà có lịch hẹn", reminders[0].Text, StringComparison.Ordinal);
        Assert.Contains("hôm nay ông/bà có lịch hẹn", reminders[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_booking_is_never_reminded()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(_citizen));
        _bot.Get<ReceptionBook>().Cancel(code, _citizen.Key);

        _bot.Clock.SetUtcNow(Local(12, 9, 16, 0));
        _bot.Get<BookingReminderSweep>().Run();
        _bot.Clock.SetUtcNow(Local(12, 10, 7, 0));
        _bot.Get<BookingReminderSweep>().Run();

        Assert.Empty(Reminders());
    }

    [Fact]
    public async Task Cancelling_after_a_reminder_was_queued_withdraws_it_before_it_is_sent()
    {
        var code = ReceptionSteps.CodeIn(await _bot.BookAsync(_citizen));
        _bot.Clock.SetUtcNow(Local(12, 9, 16, 0));
        _bot.Get<BookingReminderSweep>().Run();

        _bot.Get<ReceptionBook>().Cancel(code, _citizen.Key);

        Assert.Equal(OutboxStatus.Withdrawn, Reminders().Single().Status);
    }

    [Fact]
    public async Task A_booking_made_after_1600_the_day_before_gets_only_the_morning_reminder()
    {
        _bot.Clock.SetUtcNow(Local(12, 9, 18, 0));
        await _bot.BookAsync(_citizen);
        var sweep = _bot.Get<BookingReminderSweep>();

        Assert.Equal(0, sweep.Run());
        _bot.Clock.SetUtcNow(Local(12, 10, 7, 5));
        Assert.Equal(1, sweep.Run());

        Assert.Single(Reminders());
    }
}
