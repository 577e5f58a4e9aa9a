using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Tests.Support;

/// <summary>The booking conversation as a citizen goes through it, for tests that need a booking to exist.</summary>
public static class ReceptionSteps
{
    /// <summary>Goes from the menu to the confirmation question for a day (a date in its button) and a slot.</summary>
    public static async Task<List<OutgoingMessage>> UpToConfirmAsync(this BotHarness bot, ChatAddress who, string day = "10/12/2026", string slot = "07:30")
    {
        await bot.SayAsync("menu", who);
        await bot.PressAsync("Đặt lịch tiếp công dân", who);
        await bot.PressAsync(day, who);
        await bot.PressAsync(slot + "–", who);
        await bot.PressAsync("Đất đai", who);
        await bot.SayAsync("Hỏi về thủ tục tách thửa đất", who);
        await bot.SayAsync("Nguyễn Văn An", who);
        return await bot.SayAsync("0912 345 678", who);
    }

    public static async Task<List<OutgoingMessage>> BookAsync(this BotHarness bot, ChatAddress who, string day = "10/12/2026", string slot = "07:30")
    {
        await bot.UpToConfirmAsync(who, day, slot);
        return await bot.PressAsync("✅ Có", who);
    }

    /// <summary>The booking code in a confirmation ("LH-XXXXXX").</summary>
    public static string CodeIn(IEnumerable<OutgoingMessage> replies)
    {
        var match = System.Text.RegularExpressions.Regex.Match(replies.AllText(), "LH-[A-Z0-9]{6}");
        Assert.True(match.Success, "No booking code in:\n" + replies.AllText());
        return match.Value;
    }

    /// <summary>An officer command typed by a Telegram user in the officers' chat.</summary>
    public static Task<List<OutgoingMessage>> CommandAsync(this BotHarness bot, string text, string userId, bool inGroup = true) =>
        bot.TurnAsync(new TurnInput { Text = text, UserId = userId, InGroup = inGroup }, inGroup ? BotHarness.OfficersChat : new ChatAddress("telegram", userId));

    public static Task<List<OutgoingMessage>> PressAsOfficerAsync(this BotHarness bot, string payload, string userId) =>
        bot.TurnAsync(new TurnInput { Payload = payload, UserId = userId, InGroup = true }, BotHarness.OfficersChat);
}
