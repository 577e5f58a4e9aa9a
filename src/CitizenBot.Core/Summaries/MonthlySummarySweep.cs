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

    public const string RunsCollection = "summary_runs";

    public int Run()
    {
        var period = SummaryPeriod.PreviousMonth(clock.Today);
        var recipients = Recipients();
        RecordRun(period, recipients.Count);
        var waiting = recipients.Where(r => outbox.FindByKey(Key(period, r, "text")) is null).ToList();
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

    /// <summary>
    /// The last monthly summary the job made: its period, when it ran and to how many chats it went. Leaders without a chat
    /// read it in the console (its reports page, a notice on the home page); null before the job first ran.
    /// </summary>
    public SummaryRun? LastRun() =>
        db.Collection<SummaryRun>(RunsCollection).Query().OrderByDescending(r => r.From).FirstOrDefault();

    /// <summary>One record per month, kept up to date by every run of that month's job (a rerun moves its time).</summary>
    private void RecordRun(SummaryPeriod period, int chats) => db.Write(tx =>
        tx.GetCollection<SummaryRun>(RunsCollection).Upsert(new SummaryRun
        {
            Id = period.Key, From = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Title = period.Title, RanAt = clock.UtcNow, Chats = chats,
        }));

    private static string Key(SummaryPeriod period, ChatAddress to, string part) => $"summary:{period.Key}:{to.Key}:{part}";

    /// <summary>The chat message and the printable file for each recipient, keyed so each goes once.</summary>
    public static IEnumerable<OutboxMessage> Messages(CommuneSummary summary, Commune.CommuneClock clock, string keyPrefix, IEnumerable<ChatAddress> to)
    {
        var messages = SummaryDocument.Messages(summary, clock);
        return to.SelectMany(address => messages.Select((m, i) => OutboxMessage.Create($"{keyPrefix}:{address.Key}:{(i == 0 ? "text" : "file")}", address, m, clock.UtcNow)));
    }
}

/// <summary>A run of the monthly summary job: the month it reported (commune days, yyyy-MM-dd), when, and to how many chats.</summary>
public sealed class SummaryRun
{
    /// <summary>The period's key, e.g. "2026-10-01..2026-10-31".</summary>
    public string Id { get; set; } = "";

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string Title { get; set; } = "";

    public DateTimeOffset RanAt { get; set; }

    /// <summary>The Telegram leaders and leaders' chat it was queued to (0 when no leader has a chat).</summary>
    public int Chats { get; set; }

    [LiteDB.BsonIgnore]
    public SummaryPeriod Period => new(Day(From), Day(To), Title);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
