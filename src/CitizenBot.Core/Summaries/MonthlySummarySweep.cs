using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Summaries;

/// <summary>
/// The Hangfire job of the 1st of each month, 07:00 commune time: last month's summary to every leader and to the
/// leaders' chat. Each recipient's message is keyed by the period, so a second run, or a run after a crash,
/// sends only to those not yet served.
/// </summary>
public sealed class MonthlySummarySweep(
    SummaryCompiler compiler,
    CitizenDatabase db,
    Outbox outbox,
    SummaryOptions options,
    Commune.CommuneClock clock,
    ILogger<MonthlySummarySweep> logger) : ISweep
{
    public const string JobId = "monthly-summary";
    string ISweep.Id => JobId;
    string ISweep.Cron => Cron;
    bool ISweep.Retried => true;

    /// <summary>1st of the month at 07:00 (in the time zone the job is registered with).</summary>
    public const string Cron = "0 7 1 * *";

    public List<ChatAddress> Recipients()
    {
        var leaders = db.Collection<RoleGrant>(UserRoles.CollectionName).Find(g => g.Role == UserRole.Leader)
            .Select(g => ChatAddress.Parse(g.Id)).ToList();
        if (options.LeadersChat is { } chat)
        {
            leaders.Add(chat);
        }

        return [.. leaders.DistinctBy(a => a.Key)];
    }

    public int Run()
    {
        var period = SummaryPeriod.PreviousMonth(clock.Today);
        var waiting = Recipients().Where(r => outbox.FindByKey(Key(period, r, "text")) is null).ToList();
        if (waiting.Count == 0)
        {
            return 0;
        }

        var summary = compiler.Compile(period);
        var messages = Messages(summary, clock, "summary:" + period.Key, waiting);
        var queued = outbox.Enqueue([.. messages]).Count;
        logger.LogInformation("Monthly summary for {Period} queued to {Count} recipients", period.Key, waiting.Count);
        return queued;
    }

    private static string Key(SummaryPeriod period, ChatAddress to, string part) => $"summary:{period.Key}:{to.Key}:{part}";

    /// <summary>The chat message and the printable file for each recipient, keyed so each goes once.</summary>
    public static IEnumerable<OutboxMessage> Messages(CommuneSummary summary, Commune.CommuneClock clock, string keyPrefix, IEnumerable<ChatAddress> to)
    {
        var messages = SummaryDocument.Messages(summary, clock);
        return to.SelectMany(address => messages.Select((m, i) => OutboxMessage.Create($"{keyPrefix}:{address.Key}:{(i == 0 ? "text" : "file")}", address, m, clock.UtcNow)));
    }
}
