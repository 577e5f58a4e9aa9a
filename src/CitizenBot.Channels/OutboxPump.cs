using CitizenBot.Core.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels;

/// <summary>
/// Sends, within about a second, whatever a turn or a job queued for chats other than the one being
/// answered (a relay to the officers' group, an alert, an announcement). The Hangfire dispatch sweep
/// remains the safety net; both claim each message before sending, so nothing goes twice.
/// </summary>
public sealed class OutboxPump(OutboxDispatcher dispatcher, ILogger<OutboxPump> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox pump failed; trying again shortly");
                await Task.Delay(Interval * 5, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
