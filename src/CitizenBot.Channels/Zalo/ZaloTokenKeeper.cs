using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// Refreshes the OA's access token before it expires, so no send waits on a refresh (and a failed one is known early).
/// Its first round, at start, takes up a refresh that a stop cut short.
/// </summary>
public sealed class ZaloTokenKeeper(ZaloTokenStore tokens, ILogger<ZaloTokenKeeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = false;
        return PeriodicLoop.RunAsync("Checking the Zalo token", Interval, Interval, async ct =>
        {
            if (!started)
            {
                // Only what the previous process left: later, a mark belongs to a refresh under way in this one.
                await tokens.CheckInterruptedRefreshAsync(ct);
                started = true;
            }

            await tokens.RefreshIfDueAsync(ct);
        }, logger, stoppingToken);
    }
}
