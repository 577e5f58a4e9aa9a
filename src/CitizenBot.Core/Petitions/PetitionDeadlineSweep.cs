using CitizenBot.Core.Commune;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Petitions;

/// <summary>
/// The Hangfire job for late petitions: the citizen gets an apology with a new expected date, and the
/// officer in charge a reminder; keyed by the missed due date, so each delay is told once.
/// </summary>
public sealed class PetitionDeadlineSweep(PetitionBook petitions, CommuneOptions commune, ILogger<PetitionDeadlineSweep> logger)
{
    public const string JobId = "petition-deadlines";

    public int Run()
    {
        var late = petitions.Open().Count(p => petitions.MarkOverdue(p.Id, commune.Name));
        if (late > 0)
        {
            logger.LogInformation("Petition deadline sweep apologised for {Count} late petitions", late);
        }

        return late;
    }
}
