using System.Globalization;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Channels.Zalo;

/// <summary>
/// Feeds the stored Zalo events to the engine, as the Telegram receiver feeds updates: one user's events in order,
/// users in parallel. Started, it first takes up whatever a crash left in the inbox. The inbox id is the turn's update
/// id, so an event whose turn was saved before a crash is turned away when it is tried again.
/// </summary>
public sealed class ZaloEventProcessor(
    ChannelInbox inbox,
    ReplyWindows contacts,
    CitizenDatabase db,
    ConversationBot bot,
    OutboxKicker kicker,
    IEnumerable<IChatMembershipListener> membership,
    TimeProvider time,
    ILogger<ZaloEventProcessor> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<InboxEvent>> _users = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private long _highest;
    private int _inFlight;

    /// <summary>Events handed to users' queues and not yet done (tests wait for zero).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The webhook stored a new event: look at the inbox now.</summary>
    public void Notify() => _arrived.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pruned = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = inbox.Pending(Volatile.Read(ref _highest), 500);
                Dispatch(batch, stoppingToken);
                if (time.GetUtcNow() - pruned > TimeSpan.FromHours(6))
                {
                    // Zalo retries for hours, not days: a handled event's key is kept three days.
                    pruned = time.GetUtcNow();
                    await inbox.PruneAsync(pruned - TimeSpan.FromDays(3));
                }

                if (batch.Count < 500)
                {
                    // A full batch means more waits (a backlog after a restart): read on at once.
                    await _arrived.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                logger.LogCritical("The data folder cannot be written ({Error}); free space or fix its permissions. Retrying in 5 s", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Dispatch(List<InboxEvent> events, CancellationToken ct)
    {
        var started = new List<string>();
        lock (_lock)
        {
            foreach (var e in events)
            {
                if (e.Id <= _highest)
                {
                    continue;
                }

                _highest = e.Id;
                Interlocked.Increment(ref _inFlight);
                if (!_users.TryGetValue(e.UserId, out var queue))
                {
                    _users[e.UserId] = queue = new Queue<InboxEvent>();
                    started.Add(e.UserId);
                }

                queue.Enqueue(e);
            }
        }

        foreach (var user in started)
        {
            _ = Task.Run(() => DrainUserAsync(user, ct), CancellationToken.None);
        }
    }

    private async Task DrainUserAsync(string userId, CancellationToken ct)
    {
        while (true)
        {
            InboxEvent next;
            lock (_lock)
            {
                var queue = _users[userId];
                if (queue.Count == 0)
                {
                    _users.Remove(userId);
                    return;
                }

                next = queue.Dequeue();
            }

            await HandleDurablyAsync(next, ct);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Handles one event until it is done; a full or read-only data folder is waited out, not skipped.</summary>
    private async Task HandleDurablyAsync(InboxEvent stored, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await HandleAsync(stored, ct);
                await inbox.MarkDoneAsync(stored.Id);
                return;
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                logger.LogCritical("The data folder cannot be written ({Error}); free space or fix its permissions. Retrying in 5 s", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Zalo event {Id} failed and was skipped", stored.Id);
                await inbox.MarkDoneAsync(stored.Id);
                return;
            }
        }
    }

    internal async Task HandleAsync(InboxEvent stored, CancellationToken ct)
    {
        if (ZaloEvent.Parse(inbox.BodyOf(stored)) is not { UserId: { Length: > 0 } userId } e)
        {
            return;
        }

        var address = new ChatAddress(ZaloChannelSender.ChannelName, userId);
        if (e.Name == ZaloEvent.Unfollow)
        {
            await contacts.SetFollowingAsync(userId, false);
            foreach (var listener in membership)
            {
                listener.ChatLeft(address);
            }

            return;
        }

        // The user wrote (or followed): the free window opens again, and what waited for them goes first.
        var now = time.GetUtcNow();
        var contact = await db.WriteAsync(tx =>
        {
            var touched = contacts.Touch(tx, userId, now, e.Name == ZaloEvent.Follow ? true : null);
            Outbox.ReleaseHeld(tx, address.Key, now, count => OutboxMessage.Create($"zalo-waiting:{address.Key}:{stored.Id}", address,
                new OutgoingMessage(ZaloTexts.WaitingNotices(count)), now));
            return touched;
        });

        var input = ToInput(e, stored.Id, contact.NumberedChoices);
        if (input is not null)
        {
            await bot.HandleAsync(address, input, ct);
        }

        kicker.Kick(address.Key);
    }

    /// <summary>The channel-neutral input of an event: a pressed button's payload, a number picked from a list, words, files, a place, a phone.</summary>
    public static TurnInput? ToInput(ZaloEvent e, long updateId, IReadOnlyList<string> numberedChoices)
    {
        var input = new TurnInput
        {
            UpdateId = updateId,
            UserId = e.UserId,
            SenderKey = "zalo-user:" + e.UserId,
        };
        switch (e.Name)
        {
            case ZaloEvent.Follow:
                return input with { Text = "/start" };
            case ZaloEvent.SubmitInfo:
                return e.Phone is { Length: > 0 } phone ? input with { ContactPhone = phone } : null;
        }

        var text = e.Text?.Trim();
        if (text is not null && text.StartsWith(ZaloMessageBuilder.PayloadPrefix, StringComparison.Ordinal))
        {
            return input with { Payload = text[ZaloMessageBuilder.PayloadPrefix.Length..] };
        }

        if (text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= numberedChoices.Count)
        {
            return input with { Payload = numberedChoices[n - 1] };
        }

        var attachments = e.Attachments
            .Where(a => a.Kind is "image" or "file" or "gif")
            .Select(a => new InputAttachment(a.Kind == "file" ? "document" : "photo", ZaloPhotoSource.ReferenceOf(a.Url), a.Name))
            .ToList();

        // A location arrives with the place's description as text: the place is what counts.
        return input with
        {
            Text = e.Location is null ? text : null,
            Attachments = attachments,
            Location = e.Location is { } place ? GeoPoint.Of(place.Latitude, place.Longitude) : null,
        };
    }

    private static bool IsStorageFailure(Exception ex) => CitizenDatabase.IsStorageFailure(ex) || ex is ObjectDisposedException;
}
