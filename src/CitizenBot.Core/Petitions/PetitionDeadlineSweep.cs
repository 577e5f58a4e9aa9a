using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// The Hangfire job for late petitions: each gets a new expected date (the letter sweep sends the citizen the
/// apology) and the officer in charge a reminder; keyed by the missed due date, so each delay is told once.
/// </summary>
public sealed class PetitionDeadlineSweep(PetitionBook petitions, ILogger<PetitionDeadlineSweep> logger) : ISweep
{
    public const string JobId = "petition-deadlines";
    string ISweep.Id => JobId;
    string ISweep.Cron => "0 8 * * *";

    public int Run()
    {
        var late = petitions.Open().Count(p => petitions.MarkOverdue(p.Id));
        if (late > 0)
        {
            logger.LogInformation("Petition deadline sweep found {Count} late petitions", late);
        }

        return late;
    }
}
