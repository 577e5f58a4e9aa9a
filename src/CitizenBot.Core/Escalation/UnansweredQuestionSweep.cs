using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Commune;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Escalation;

/// <summary>
/// The Hangfire job that puts questions left unanswered beyond <see cref="EscalationOptions.ReannounceAfter"/>
/// to the officers again and tells the citizen, with an apology, that it is taking longer. Each round has
/// its own outbox key, so a second run sends nothing twice.
/// </summary>
public sealed class UnansweredQuestionSweep(QuestionBook questions, TimeProvider time, ILogger<UnansweredQuestionSweep> logger) : ISweep
{
    public const string JobId = "question-reannounce";
    string ISweep.Id => JobId;
    string ISweep.Cron => "*/5 * * * *";

    public int Run()
    {
        var now = time.GetUtcNow();
        var reannounced = questions.Open().Count(q => questions.Reannounce(q.Id, now));
        if (reannounced > 0)
        {
            logger.LogInformation("Re-announced {Count} unanswered questions to the officers", reannounced);
        }

        return reannounced;
    }
}
