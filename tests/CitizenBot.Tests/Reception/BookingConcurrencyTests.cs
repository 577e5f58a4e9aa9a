using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Reception;

/// <summary>Many citizens confirming the same last slot at the same moment, through the whole pipeline.</summary>
public sealed class BookingConcurrencyTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(3, 60)]
    public async Task Concurrent_confirmations_of_one_slot_book_exactly_its_capacity(int capacity, int citizens)
    {
        using var bot = new BotHarness(new ReceptionOptions { SlotCapacity = capacity, DaysOffered = 4 });
        var chats = Enumerable.Range(0, citizens).Select(i => new ChatAddress("web", $"race{i:D4}")).ToList();
        foreach (var chat in chats)
        {
            await bot.UpToConfirmAsync(chat, slot: "09:00");
        }

        var engine = bot.Get<ConversationBot>();
        var confirmPayloads = chats.Select(c => bot.Get<Outbox>().For(c.Key, 0, 1000)
            .SelectMany(m => m.Buttons).Last(b => b.Label.Contains("✅ Có", StringComparison.Ordinal)).Payload).ToList();
        using var start = new ManualResetEventSlim();
        var turns = chats.Select((chat, i) => Task.Run(async () =>
        {
            start.Wait();
            await engine.HandleAsync(chat, TurnInput.FromPayload(confirmPayloads[i]), CancellationToken.None);
        })).ToList();
        start.Set();
        await Task.WhenAll(turns);

        var day = bot.Get<ReceptionCalendar>().Upcoming(1).Single();
        var held = bot.Get<ReceptionBook>().OnDate(day.Date).Where(b => b.SlotKey == "09:00").ToList();
        Assert.Equal(capacity, held.Count);
        Assert.Equal(capacity, held.Select(b => b.SeatKey).Distinct().Count());
        var replies = chats.Select(c => bot.Get<Outbox>().For(c.Key, 0, 1000).Select(m => m.Text).ToList()).ToList();
        Assert.Equal(capacity, replies.Count(r => r.Any(t => t.Contains("Đã đặt lịch thành công", StringComparison.Ordinal))));
        Assert.Equal(citizens - capacity, replies.Count(r => r.Any(t => t.Contains("vừa có người khác đặt trước", StringComparison.Ordinal))));
    }
}
