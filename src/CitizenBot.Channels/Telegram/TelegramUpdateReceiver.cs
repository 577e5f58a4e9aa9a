using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CitizenBot.Channels.Telegram;

/// <summary>
/// Long polling without waiting for batches: each update goes to its chat's queue (a chat's updates run in order,
/// chats in parallel) and the next poll starts at once. The offset given to Telegram, which confirms every update
/// below it, never passes an update whose turn is not yet durable, so a crash means redelivery and the update id
/// turns the repeat away. One failing update or a failing server never stops the loop.
/// </summary>
public sealed class TelegramUpdateReceiver(
    ITelegramBotClient client,
    TelegramOptions options,
    TelegramCursor cursor,
    ConversationBot bot,
    OutboxKicker kicker,
    Outbox outbox,
    IEnumerable<IChatMembershipListener> membership,
    TimeProvider time,
    ILogger<TelegramUpdateReceiver> logger) : BackgroundService
{
    private static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private readonly Lock _lock = new();

    // Received and not yet durable; the lowest is the offset Telegram is given.
    private readonly SortedSet<int> _inFlight = [];
    private readonly Dictionary<long, Queue<Update>> _chats = [];
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _highest = -1;

    /// <summary>Updates handed to chats and not yet durable (at most about a getUpdates page: Telegram re-sends them until then).</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RegisterCommandsAsync(stoppingToken);
        var saved = cursor.Load();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var (offset, progress, busy) = NextPoll(saved);
            if (offset > saved && await TrySaveAsync(offset, stoppingToken))
            {
                saved = offset;
            }

            Update[] updates;
            try
            {
                // While updates are in flight, Telegram answers at once with them (they are not confirmed yet): no long wait.
                updates = await client.GetUpdates(offset, 100, busy ? 0 : options.PollTimeoutSeconds, AllowedUpdates, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var wait = WaitAfter(ex, failures);
                logger.LogWarning("getUpdates failed ({Error}); retrying in {Seconds}s", Describe(ex), wait.TotalSeconds);
                await DelayAsync(wait, stoppingToken);
                continue;
            }

            if (Dispatch(updates, stoppingToken) == 0 && busy)
            {
                // Only updates already in hand came back: poll again when the oldest of them is durable.
                await WaitAsync(progress, TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private (int Offset, Task Progress, bool Busy) NextPoll(int saved)
    {
        lock (_lock)
        {
            var offset = _inFlight.Count > 0 ? _inFlight.Min : Math.Max(saved, _highest + 1);
            return (offset, _progress.Task, _inFlight.Count > 0);
        }
    }

    /// <summary>Hands the updates not seen before to their chats' queues; returns how many were new.</summary>
    private int Dispatch(Update[] updates, CancellationToken ct)
    {
        var started = new List<long>();
        var fresh = 0;
        lock (_lock)
        {
            foreach (var update in updates.OrderBy(u => u.Id))
            {
                if (update.Id <= _highest)
                {
                    continue;
                }

                _highest = update.Id;
                _inFlight.Add(update.Id);
                fresh++;
                var chatId = TelegramUpdateMapper.ChatOf(update)?.Id ?? 0;
                if (!_chats.TryGetValue(chatId, out var queue))
                {
                    _chats[chatId] = queue = new Queue<Update>();
                    started.Add(chatId);
                }

                queue.Enqueue(update);
            }
        }

        foreach (var chatId in started)
        {
            _ = Task.Run(() => DrainChatAsync(chatId, ct), CancellationToken.None);
        }

        return fresh;
    }

    /// <summary>Runs one chat's updates in order until its queue is empty.</summary>
    private async Task DrainChatAsync(long chatId, CancellationToken ct)
    {
        while (true)
        {
            Update update;
            lock (_lock)
            {
                var queue = _chats[chatId];
                if (queue.Count == 0)
                {
                    _chats.Remove(chatId);
                    return;
                }

                update = queue.Dequeue();
            }

            await HandleDurablyAsync(update, ct);
            lock (_lock)
            {
                // Only the oldest update's completion moves the offset on: a poll before that would bring back the same page.
                var oldest = _inFlight.Min == update.Id;
                _inFlight.Remove(update.Id);
                if (oldest)
                {
                    var progress = _progress;
                    _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    progress.TrySetResult();
                }
            }
        }
    }

    /// <summary>Handles one update until its turn is durable; a full or read-only data folder is waited out, not skipped.</summary>
    private async Task HandleDurablyAsync(Update update, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await HandleUpdateAsync(update, ct);
                return;
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                // Telegram keeps the update (the offset stays below it) and it is tried again here.
                logger.LogCritical("The data folder cannot be written ({Error}); free space or fix its permissions. Retrying in 5 s", ex.Message);
                await DelayAsync(TimeSpan.FromSeconds(5), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Update {UpdateId} failed and was skipped", update.Id);
                return;
            }
        }
    }

    private async Task<bool> TrySaveAsync(int offset, CancellationToken ct)
    {
        try
        {
            await cursor.SaveAsync(offset);
            return true;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            logger.LogCritical("The data folder cannot be written ({Error}); free space or fix its permissions. Retrying in 5 s", ex.Message);
            await DelayAsync(TimeSpan.FromSeconds(5), ct);
            return false;
        }
    }

    private static async Task WaitAsync(Task progress, TimeSpan atMost, CancellationToken ct)
    {
        try
        {
            await progress.WaitAsync(atMost, ct);
        }
        catch (TimeoutException)
        {
            // Poll again anyway.
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private static bool IsStorageFailure(Exception ex) =>
        CitizenDatabase.IsStorageFailure(ex) || ex is ObjectDisposedException;

    internal async Task HandleUpdateAsync(Update update, CancellationToken ct)
    {
        var chat = TelegramUpdateMapper.ChatOf(update);
        if (chat is null)
        {
            return;
        }

        if (update.CallbackQuery is { } callback)
        {
            await AcknowledgeButtonAsync(callback, ct);
        }

        var address = TelegramUpdateMapper.AddressOf(chat);
        if (update.MyChatMember is { } member)
        {
            OnMembershipChanged(member, address);
            return;
        }

        if (!TelegramUpdateMapper.IsPrivate(chat) && !IsGroupCommand(update, address))
        {
            return;
        }

        if (TelegramUpdateMapper.ToInput(update) is not { } input)
        {
            return;
        }

        var outcome = await bot.HandleAsync(address, input, ct);
        if (!outcome.Duplicate)
        {
            kicker.Kick(address.Key);
        }
    }

    /// <summary>
    /// Citizens' flows run in private chats. In a group the bot answers officer commands (typed or
    /// pressed; the engine checks the sender's role) and otherwise only points citizens the way.
    /// </summary>
    private bool IsGroupCommand(Update update, ChatAddress address)
    {
        if (update.CallbackQuery?.Data is { } data)
        {
            return data.StartsWith(OfficerCommands.PayloadPrefix, StringComparison.Ordinal);
        }

        var text = update.Message?.Text;
        if (text is null)
        {
            return false;
        }

        if (!text.StartsWith('/'))
        {
            // An officer answering a relayed question replies to the bot's own message.
            return update.Message!.ReplyToMessage?.From?.IsBot == true;
        }

        if (text.StartsWith("/start", StringComparison.Ordinal) || text.StartsWith("/menu", StringComparison.Ordinal))
        {
            outbox.Enqueue(OutboxMessage.Create($"group-hint:{address.Key}:{update.Id}", address, new OutgoingMessage(TelegramTexts.GroupHint), time.GetUtcNow()));
            kicker.Kick(address.Key);
            return false;
        }

        return true;
    }

    /// <summary>Added to a group: say how to register it; removed or blocked: stop sending there.</summary>
    private void OnMembershipChanged(ChatMemberUpdated member, ChatAddress address)
    {
        switch (member.NewChatMember.Status)
        {
            case ChatMemberStatus.Member or ChatMemberStatus.Administrator when !TelegramUpdateMapper.IsPrivate(member.Chat):
                outbox.Enqueue(OutboxMessage.Create($"group-added:{address.Key}:{member.Date.Ticks}", address,
                    new OutgoingMessage(TelegramTexts.AddedToGroup), time.GetUtcNow()));
                kicker.Kick(address.Key);
                break;
            case ChatMemberStatus.Left or ChatMemberStatus.Kicked:
                foreach (var listener in membership)
                {
                    listener.ChatLeft(address);
                }

                break;
        }
    }

    /// <summary>Stops the spinner and removes the pressed keyboard so it cannot be pressed twice.</summary>
    private async Task AcknowledgeButtonAsync(CallbackQuery callback, CancellationToken ct)
    {
        try
        {
            await client.AnswerCallbackQuery(callback.Id, cancellationToken: ct);
            if (callback.Message is { } pressed)
            {
                await client.EditMessageReplyMarkup(pressed.Chat.Id, pressed.MessageId, replyMarkup: null, cancellationToken: ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // An old query or an already edited message: the turn itself still runs.
            logger.LogDebug("Acknowledging a button failed: {Error}", Describe(ex));
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken ct)
    {
        try
        {
            await client.SetMyCommands(TelegramTexts.Commands, cancellationToken: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Registering bot commands failed ({Error}); continuing", Describe(ex));
        }
    }

    private TimeSpan WaitAfter(Exception ex, int failures)
    {
        if (ex is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } retryAfter })
        {
            return TimeSpan.FromSeconds(retryAfter);
        }

        var backoff = options.RetryBaseDelay * Math.Pow(2, Math.Min(failures - 1, 6));
        return backoff > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : backoff;
    }

    private async Task DelayAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, ct);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private static string Describe(Exception ex) => ex is ApiRequestException api ? $"{api.ErrorCode} {api.Message}" : ex.GetType().Name + ": " + ex.Message;
}
