using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Sweeps;
using Hangfire;

namespace CitizenBot.Host.Jobs;

/// <summary>
/// The host's own Hangfire jobs (the outbox, the database, login codes) and the registration of every job; the slices'
/// sweeps run through <see cref="SweepJob"/>.
/// </summary>
public sealed class CitizenBotJobs(AnnouncementReportSweep announcementReports, OutboxDispatcher dispatcher, CitizenDatabase db)
{
    public const string OutboxDispatchId = "outbox-dispatch";
    public const string CheckpointId = "litedb-checkpoint";
    public const string WebLoginCodesId = "web-login-codes";

    /// <summary>Send what is due (announcement deliveries paced by the channel), then the reports of finished announcements.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task DispatchOutboxAsync(CancellationToken ct)
    {
        await dispatcher.DispatchDueAsync(ct);
        if (announcementReports.Run() > 0)
        {
            await dispatcher.DispatchDueAsync(ct);
        }
    }

    /// <summary>Folds the LiteDB log into the data file so it stays small and a crash replays little.</summary>
    [AutomaticRetry(Attempts = 0)]
    public void Checkpoint() => db.Checkpoint();

    public static void Register(IRecurringJobManager jobs, IEnumerable<ISweep> sweeps, TimeZoneInfo timeZone)
    {
        var options = new RecurringJobOptions { TimeZone = timeZone };
        jobs.AddOrUpdate<CitizenBotJobs>(OutboxDispatchId, j => j.DispatchOutboxAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CitizenBotJobs>(CheckpointId, j => j.Checkpoint(), Cron.Hourly(), options);
        // Late login codes go, and the message that carried each is overwritten, within a minute of the ten.
        jobs.AddOrUpdate<CitizenBot.Core.Roles.WebLogins>(WebLoginCodesId, l => l.ForgetExpired(), Cron.Minutely(), options);
        SweepJob.Register(jobs, sweeps, options);
    }
}
