using CitizenBot.Core.Commune;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Petitions.WebPhotos;

/// <summary>
/// Forgets web photos no petition holds after a day: sent but never attached (the citizen left the petition), or freed
/// when a petition's personal data was erased. Idempotent: a second run finds nothing more.
/// </summary>
public sealed class WebPhotoSweep(WebPhotoBook photos, CommuneClock clock, ILogger<WebPhotoSweep> logger) : ISweep
{
    public const string JobId = "web-photo-expiry";

    /// <summary>How long a photo waits for its petition: a petition is sent within minutes of its photo.</summary>
    public static readonly TimeSpan Unattached = TimeSpan.FromDays(1);

    string ISweep.Id => JobId;
    string ISweep.Cron => "20 * * * *";
    bool ISweep.SendsWhatItQueued => false;
    bool ISweep.Retried => true;

    public int Run()
    {
        var forgotten = photos.ForgetUnattached(clock.UtcNow - Unattached);
        if (forgotten > 0)
        {
            logger.LogInformation("Web photo sweep forgot {Count} photos no petition holds", forgotten);
        }

        return forgotten;
    }
}
