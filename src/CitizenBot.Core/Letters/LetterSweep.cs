using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Commune;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Letters;

/// <summary>
/// The Hangfire job of the letter system: asks every slice for the events that call for a letter and writes
/// each one's letter once. It can stop at any point (a crash, a kill) and run again: letters already written
/// are skipped by their key, the others are written.
/// </summary>
public sealed class LetterSweep(IEnumerable<ILetterSource> sources, LetterBook letters, LetterOptions options, CommuneClock clock, ILogger<LetterSweep> logger) : ISweep
{
    public const string JobId = "letters";
    string ISweep.Id => JobId;
    string ISweep.Cron => "* * * * *";

    public int Run()
    {
        var since = clock.UtcNow - TimeSpan.FromDays(options.LookbackDays);
        var written = 0;
        foreach (var source in sources)
        {
            foreach (var letter in source.Events(since))
            {
                if (letters.Deliver(letter))
                {
                    written++;
                }
            }
        }

        if (written > 0)
        {
            logger.LogInformation("Letter sweep wrote {Count} letters", written);
        }

        return written;
    }
}
