using CitizenBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Messaging;

/// <summary>
/// Drains the outbox: messages to one chat go in order, one at a time; chats go in parallel, so a
/// long Telegram retry_after for one chat never holds up the others.
/// </summary>
public sealed class OutboxDispatcher(
    Outbox outbox,
    IEnumerable<IChannelSender> senders,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 8;

    /// <summary>
    /// How long a send already claimed may go on once the host is stopping. Cancelling it at once would leave it
    /// "unconfirmed" even when its request had not yet left (a restart during a broadcast would then skip villages);
    /// a send still unanswered after this is cancelled and stays unconfirmed, as after a crash.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);
    private readonly KeyedLocks _chatLocks = new();

    /// <summary>The Hangfire sweep: sends every message that is due. Safe to run twice at once.</summary>
    public async Task DispatchDueAsync(CancellationToken ct)
    {
        var due = outbox.Due(time.GetUtcNow(), limit: 5000);
        var byChat = due.GroupBy(m => m.AddressKey);
        await Parallel.ForEachAsync(byChat, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (chat, token) => await DispatchChatAsync(chat.Key, token));
    }

    /// <summary>Sends what is pending for one chat, in order; stops at the first message that must wait.</summary>
    public async Task DispatchChatAsync(string addressKey, CancellationToken ct)
    {
        using var _ = await _chatLocks.AcquireAsync(addressKey, ct);
        var pending = outbox.PendingFor(addressKey);
        if (pending.Count > 0 && ChatAddress.Parse(addressKey).DeliveredByStoring)
        {
            await outbox.MarkDeliveredByStoringAsync(addressKey, time.GetUtcNow());
            return;
        }

        foreach (var message in pending)
        {
            // Stopping: nothing new is claimed; what is pending goes after the restart.
            if (ct.IsCancellationRequested || message.NextAttemptAt > time.GetUtcNow())
            {
                return;
            }

            // Wait for the channel's pace first, then claim: a crash while waiting leaves the message pending, not unconfirmed.
            using var turn = _senders.TryGetValue(message.Address.Channel, out var sender) ? await sender.WaitTurnAsync(message.Address, ct) : null;
            if (!await outbox.TryClaimAsync(message.Id, time.GetUtcNow()))
            {
                return;
            }

            SendOutcome outcome;
            using (var grace = new CancellationTokenSource())
            using (ct.Register(() => grace.CancelAfter(StopGrace)))
            {
                outcome = await SendAsync(message, grace.Token);
            }

            await outbox.CompleteAsync(message.Id, outcome, time.GetUtcNow(), MaxAttempts, dropConfidential: sender?.KeepsHistoryInOutbox != true);
            if (outcome.Kind == SendOutcomeKind.RetryLater)
            {
                logger.LogWarning("Outbox message {Id} to a {Channel} chat waits {Seconds}s: {Error}",
                    message.Id, message.Address.Channel, outcome.RetryAfter.TotalSeconds, outcome.Error);
                return;
            }

            if (outcome.Kind == SendOutcomeKind.Failed)
            {
                logger.LogWarning("Outbox message {Id} failed: {Error}", message.Id, outcome.Error);
            }

            if (outcome.Kind == SendOutcomeKind.Unconfirmed)
            {
                // Kept at most once: the console's delivery problems list it, and the log says it happened.
                logger.LogWarning("Outbox message {Id} to a {Channel} chat may not have arrived and is not sent again: {Error}",
                    message.Id, message.Address.Channel, outcome.Error);
            }
        }
    }

    private async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var address = message.Address;
        if (!_senders.TryGetValue(address.Channel, out var sender))
        {
            return SendOutcome.Retry(TimeSpan.FromMinutes(5), $"The {address.Channel} channel is not enabled.");
        }

        try
        {
            return await sender.SendAsync(address, outbox.Open(message) with { OutboxKey = message.Key }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Channel {Channel} threw while sending outbox message {Id}", address.Channel, message.Id);
            return SendOutcome.Retry(TimeSpan.FromSeconds(30), ex.GetType().Name);
        }
    }
}
