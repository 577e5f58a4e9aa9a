using CitizenBot.Core.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels;

/// <summary>
/// Starts sending a chat's pending messages right away, in the background, so a slow chat (a long
/// retry_after) never holds up the turn loop. The Hangfire dispatch sweep picks up whatever is left.
/// When the host stops, it waits for the sends under way (<see cref="OutboxDispatcher.StopGrace"/>) before the
/// database closes, so they are recorded as sent rather than left unconfirmed.
/// </summary>
public sealed class OutboxKicker(OutboxDispatcher dispatcher, IHostApplicationLifetime lifetime, ILogger<OutboxKicker> logger) : IHostedService
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Task> _sends = new();
    private long _nextSend;
    private int _running;

    /// <summary>How many chats are being sent to right now (tests wait for zero).</summary>
    public int Running => Volatile.Read(ref _running);

    public void Kick(string addressKey)
    {
        Interlocked.Increment(ref _running);
        var id = Interlocked.Increment(ref _nextSend);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sends[id] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await dispatcher.DispatchChatAsync(addressKey, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: the next start's sweep sends what is pending.
            }
            catch (ObjectDisposedException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // The database closed under a send that was still starting: pending, sent after the next start.
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Sending a chat's pending messages failed; the dispatch sweep will retry");
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _sends.TryRemove(id, out _);
                done.SetResult();
            }
        });
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The sends were told to stop by ApplicationStopping; each has StopGrace to finish. Waits for the sends under way,
        // then for any kicked meanwhile, until none is left or the grace (and a little more) is over.
        var deadline = DateTime.UtcNow + OutboxDispatcher.StopGrace + TimeSpan.FromSeconds(2);
        while (!_sends.IsEmpty)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await Task.WhenAll(_sends.Values).WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends now what is pending for a chat and waits (the web chat answers with its replies).</summary>
    public Task SendNowAsync(string addressKey, CancellationToken ct) => dispatcher.DispatchChatAsync(addressKey, ct);
}
