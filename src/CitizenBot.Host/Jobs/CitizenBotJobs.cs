using CitizenBot.Core.Announcements;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Summaries;
using Hangfire;

namespace CitizenBot.Host.Jobs;

/// <summary>The Hangfire entry points: plain methods that take no objects and may run twice without harm.</summary>
public sealed class CitizenBotJobs(
    DossierFollowSweep followSweep,
    BookingReminderSweep reminderSweep,
    RatingInvitationSweep invitationSweep,
    UnansweredQuestionSweep questionSweep,
    QuestionRelaySweep relaySweep,
    PetitionDeadlineSweep petitionSweep,
    AnnouncementReportSweep announcementReports,
    LetterSweep letterSweep,
    MonthlySummarySweep summarySweep,
    RetentionSweep retentionSweep,
    EmptyConversationSweep emptyConversationSweep,
    OutboxDispatcher dispatcher,
    CitizenDatabase db)
{
    public const string FollowSweepId = DossierFollowSweep.JobId;
    public const string OutboxDispatchId = "outbox-dispatch";
    public const string CheckpointId = "litedb-checkpoint";
    public const string RemindersId = BookingReminderSweep.JobId;
    public const string InvitationsId = RatingInvitationSweep.JobId;
    public const string QuestionsId = UnansweredQuestionSweep.JobId;
    public const string QuestionRelayId = QuestionRelaySweep.JobId;
    public const string PetitionDeadlinesId = PetitionDeadlineSweep.JobId;
    public const string LettersId = LetterSweep.JobId;
    public const string SummaryId = MonthlySummarySweep.JobId;
    public const string RetentionId = RetentionSweep.JobId;
    public const string EmptyConversationsId = EmptyConversationSweep.JobId;
    public const string WebLoginCodesId = "web-login-codes";

    /// <summary>Queue notifications for followed dossiers, then send what is due.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepDossierFollowsAsync(CancellationToken ct) => RunThenSendAsync(followSweep.Run, ct);

    /// <summary>Queue the day-before and same-day reminders that are due, then send what is due.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepReceptionRemindersAsync(CancellationToken ct) => RunThenSendAsync(reminderSweep.Run, ct);

    /// <summary>Invite citizens to rate resolved dossiers and attended bookings, then send what is due.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepRatingInvitationsAsync(CancellationToken ct) => RunThenSendAsync(invitationSweep.Run, ct);

    /// <summary>Put questions left unanswered too long to the officers again, with an apology to the citizen.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepUnansweredQuestionsAsync(CancellationToken ct) => RunThenSendAsync(questionSweep.Run, ct);

    /// <summary>Move the relay queue on: relay the next questions fairly between senders (one waiting at a time), send, repeat a bounded number of rounds.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RelayQuestionsAsync(CancellationToken ct)
    {
        for (var round = 0; round < QuestionRelaySweep.RoundsPerRun && relaySweep.Run() > 0 && relaySweep.OfficersChat is { } officers; round++)
        {
            await dispatcher.DispatchChatAsync(officers.Key, ct);
        }
    }

    /// <summary>Apologise for late petitions with a new date and remind the officer in charge.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepPetitionDeadlinesAsync(CancellationToken ct) => RunThenSendAsync(petitionSweep.Run, ct);

    /// <summary>Write the letters that events call for (congratulations, condolences, apologies, thanks), then send what is due.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task SendLettersAsync(CancellationToken ct) => RunThenSendAsync(letterSweep.Run, ct);

    /// <summary>Last month's summary to every leader and the leaders' chat, then send what is due.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public Task SendMonthlySummaryAsync(CancellationToken ct) => RunThenSendAsync(summarySweep.Run, ct);

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

    /// <summary>Forget personal data older than the retention period.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public void ForgetExpiredData() => retentionSweep.Run();

    /// <summary>Forget conversations that did nothing but greet, a day after their last turn.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public void ForgetEmptyConversations() => emptyConversationSweep.Run();

    /// <summary>Folds the LiteDB log into the data file so it stays small and a crash replays little.</summary>
    [AutomaticRetry(Attempts = 0)]
    public void Checkpoint() => db.Checkpoint();

    /// <summary>A sweep queues into the outbox; what it queued is sent at once rather than at the next dispatch.</summary>
    private async Task RunThenSendAsync(Func<int> sweep, CancellationToken ct)
    {
        sweep();
        await dispatcher.DispatchDueAsync(ct);
    }

    public static void Register(IRecurringJobManager jobs, TimeZoneInfo timeZone)
    {
        var options = new RecurringJobOptions { TimeZone = timeZone };
        jobs.AddOrUpdate<CitizenBotJobs>(FollowSweepId, j => j.SweepDossierFollowsAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CitizenBotJobs>(OutboxDispatchId, j => j.DispatchOutboxAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CitizenBotJobs>(RemindersId, j => j.SweepReceptionRemindersAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CitizenBotJobs>(InvitationsId, j => j.SweepRatingInvitationsAsync(CancellationToken.None), "*/5 * * * *", options);
        jobs.AddOrUpdate<CitizenBotJobs>(QuestionsId, j => j.SweepUnansweredQuestionsAsync(CancellationToken.None), "*/5 * * * *", options);
        jobs.AddOrUpdate<CitizenBotJobs>(QuestionRelayId, j => j.RelayQuestionsAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CitizenBotJobs>(PetitionDeadlinesId, j => j.SweepPetitionDeadlinesAsync(CancellationToken.None), "0 8 * * *", options);
        jobs.AddOrUpdate<CitizenBotJobs>(LettersId, j => j.SendLettersAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CitizenBotJobs>(SummaryId, j => j.SendMonthlySummaryAsync(CancellationToken.None), MonthlySummarySweep.Cron, options);
        jobs.AddOrUpdate<CitizenBotJobs>(RetentionId, j => j.ForgetExpiredData(), "0 2 * * *", options);
        jobs.AddOrUpdate<CitizenBotJobs>(EmptyConversationsId, j => j.ForgetEmptyConversations(), "30 * * * *", options);
        jobs.AddOrUpdate<CitizenBotJobs>(CheckpointId, j => j.Checkpoint(), Cron.Hourly(), options);
        // Late login codes go, and the message that carried each is overwritten, within a minute of the ten.
        jobs.AddOrUpdate<CitizenBot.Core.Roles.WebLogins>(WebLoginCodesId, l => l.ForgetExpired(), Cron.Minutely(), options);
    }
}
