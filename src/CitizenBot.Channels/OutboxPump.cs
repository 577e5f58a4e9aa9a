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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync("The outbox pump", Interval, Interval * 5, dispatcher.DispatchDueAsync, logger, stoppingToken);
}
