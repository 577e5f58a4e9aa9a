using CitizenBot.Core.Messaging;
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
/// Long polling. Telegram.Bot's own receiver handles one update at a time for the whole bot; this one
/// runs each batch's chats in parallel and each chat's updates in order, saves the offset after the
/// batch, and never lets one failing update or a failing server stop the loop.
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RegisterCommandsAsync(stoppingToken);
        var offset = cursor.Load();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await client.GetUpdates(offset, 100, options.PollTimeoutSeconds, AllowedUpdates, stoppingToken);
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

            if (updates.Length == 0)
            {
                continue;
            }

            await Task.WhenAll(updates
                .GroupBy(u => TelegramUpdateMapper.ChatOf(u)?.Id ?? 0)
                .Select(chat => HandleChatAsync(chat, stoppingToken)));
            try
            {
                cursor.Save(updates.Max(u => u.Id) + 1);
                offset = updates.Max(u => u.Id) + 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException)
            {
                // The data folder cannot be written (full, read-only): keep the updates at Telegram and try again;
                // turns already handled are recognised by their update id and not replayed.
                logger.LogCritical("The data folder cannot be written ({Error}); free space or fix its permissions. Retrying in 5 s", ex.Message);
                await DelayAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task HandleChatAsync(IEnumerable<Update> updates, CancellationToken ct)
    {
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            try
            {
                await HandleUpdateAsync(update, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Update {UpdateId} failed and was skipped", update.Id);
            }
        }
    }

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
