using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels;

/// <summary>
/// The loop of a background service that does one step every interval until the host stops: a failing step is logged
/// and tried again after a longer pause, never ends the loop (the outbox pump, the Zalo token keeper).
/// </summary>
public static class PeriodicLoop
{
    /// <param name="name">What the loop does, in English, for the log ("The outbox pump").</param>
    public static async Task RunAsync(string name, TimeSpan interval, TimeSpan afterFailure, Func<CancellationToken, Task> step, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await step(stoppingToken);
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Loop} failed; trying again in {Seconds:0} s", name, afterFailure.TotalSeconds);
                await Task.Delay(afterFailure, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
