using CitizenBot.Core.Commune;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Privacy;

/// <summary>The Hangfire job that forgets what is older than the retention period.</summary>
public sealed class RetentionSweep(IEnumerable<IPersonalDataHolder> holders, PrivacyOptions options, CommuneClock clock, ILogger<RetentionSweep> logger) : ISweep
{
    public const string JobId = "privacy-retention";
    string ISweep.Id => JobId;
    string ISweep.Cron => "0 2 * * *";
    bool ISweep.SendsWhatItQueued => false;
    bool ISweep.Retried => true;

    public int Run()
    {
        var before = clock.UtcNow.AddMonths(-options.RetentionMonths);
        var expired = holders.Sum(h => h.Expire(before));
        if (expired > 0)
        {
            logger.LogInformation("Retention sweep forgot {Count} records older than {Months} months", expired, options.RetentionMonths);
        }

        return expired;
    }
}
