using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Escalation;

/// <summary>The officers' chat taking what the bot sends, as the dispatcher would, with the relay queue moving on between sends.</summary>
internal static class OfficersChatDelivery
{
    /// <summary>Delivers what waits for the officers and runs the relay sweep, until neither has anything left (bounded).</summary>
    public static List<OutboxMessage> DeliverToOfficers(this BotHarness bot, int maxRounds = 1000)
    {
        var outbox = bot.Get<Outbox>();
        var delivered = new List<OutboxMessage>();
        for (var round = 0; round < maxRounds; round++)
        {
            var pending = outbox.PendingFor(BotHarness.OfficersChat.Key);
            var now = bot.Clock.GetUtcNow();
            foreach (var message in pending)
            {
                Assert.True(outbox.TryClaimAsync(message.Id, now).GetAwaiter().GetResult());
                outbox.CompleteAsync(message.Id, SendOutcome.SentAs((10_000 + message.Id).ToString(System.Globalization.CultureInfo.InvariantCulture)), now, 8).GetAwaiter().GetResult();
                delivered.Add(message);
            }

            if (bot.Get<QuestionRelaySweep>().Run() == 0 && pending.Count == 0)
            {
                return delivered;
            }
        }

        throw new InvalidOperationException("The relay queue did not settle.");
    }

    /// <summary>The first relays of questions to the officers, in the order they were queued to be sent.</summary>
    public static List<OutboxMessage> FirstRelays(this BotHarness bot) =>
        [.. bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100_000).Where(m => m.Key.StartsWith("question:", StringComparison.Ordinal) && m.Key.EndsWith(":relay", StringComparison.Ordinal))];

    public static List<OutboxMessage> Digests(this BotHarness bot) =>
        [.. bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100_000).Where(m => m.Key.StartsWith("questions-digest:", StringComparison.Ordinal))];
}
