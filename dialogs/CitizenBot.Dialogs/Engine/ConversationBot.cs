using System.Text.Json;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>The result of one turn: the ids of the replies queued in the outbox, or that the update was a repeat.</summary>
public sealed record TurnOutcome(bool Duplicate, IReadOnlyList<long> ReplyIds);

/// <summary>
/// Runs one turn of one conversation: turns of a conversation run one at a time and in order, different
/// conversations in parallel. Load state, check interruptions, run the active dialog, then save the new
/// state, the handled update id and the replies in one transaction, before anything is sent.
/// </summary>
public sealed class ConversationBot(
    DialogSet dialogs,
    ConversationStore store,
    Interruptions interruptions,
    TurnRateLimiter limiter,
    DataSeal seal,
    TimeProvider time,
    ILogger<ConversationBot> logger)
{
    public const string MainDialogId = "main";
    private readonly KeyedLocks _locks = new();

    public async Task<TurnOutcome> HandleAsync(ChatAddress address, TurnInput input, CancellationToken ct)
    {
        using var _ = await _locks.AcquireAsync(address.Key, ct);
        var record = store.Find(address) ?? new ConversationRecord { Id = address.Key };
        if (input.UpdateId != 0 && input.UpdateId <= record.LastUpdateId)
        {
            return new TurnOutcome(true, []);
        }

        // Per person: in a group each member has their own allowance.
        var decision = limiter.Check(input.InGroup ? $"{address.Key}|{input.UserId}" : address.Key);
        if (decision != RateDecision.Allowed)
        {
            // Too many turns in a short time: say so once, then drop the flood (the update is still marked handled).
            record.LastUpdateId = Math.Max(record.LastUpdateId, input.UpdateId);
            record.UpdatedAt = time.GetUtcNow();
            var warning = decision == RateDecision.WarnOnce
                ? new[] { OutboxMessage.Create($"slow:{address.Key}:{record.Turns}:{time.GetUtcNow().ToUnixTimeSeconds()}", address, new OutgoingMessage(EngineTexts.SlowDown), time.GetUtcNow()) }
                : [];
            if (decision == RateDecision.WarnOnce)
            {
                // One line per episode (its first dropped turn), not one per turn of a flood.
                logger.LogWarning("A {Channel} conversation is over its turn limit; turns are dropped for a while", address.Channel);
            }

            return new TurnOutcome(false, await store.CommitAsync((record, [.. warning])));
        }

        // First computed outside the writer, in parallel with other chats; a turn that writes a record of its own
        // (a petition, a booking, a question...) is run again inside one unit of work with its state and replies.
        DialogContext dc;
        try
        {
            using (store.Database.BeginTurn())
            {
                dc = await RunTurnAsync(record, address, input, ct);
            }

            // Committed only if the saved conversation is still the one the turn was computed from.
            if (await store.CommitIfUnchangedAsync(record, Advance(record, dc, input, address)) is { } committed)
            {
                return new TurnOutcome(false, committed);
            }

            // A read outside the writer can come back out of date under concurrent commits (seen with LiteDB 5.0.21: the
            // previous turn's update id with its turn count still 0). Committing it would reuse the last turn's reply
            // keys, and the replies would be dropped as already queued: the turn runs again on the record as saved.
            logger.LogWarning("A {Channel} conversation was read out of date; its turn runs again inside the writer", address.Channel);
        }
        catch (TurnWritesException)
        {
            // Falls through to the unit of work below.
        }

        try
        {
            var ids = await store.Database.WriteAsync(tx =>
            {
                // Read again inside the unit: the writer sees exactly what is saved.
                var current = store.Find(tx, address) ?? new ConversationRecord { Id = address.Key };
                if (input.UpdateId != 0 && input.UpdateId <= current.LastUpdateId)
                {
                    return [];
                }

                var inside = RunTurnAsync(current, address, input, ct);

                // Dialogs do no I/O, so a turn completes synchronously; anything else would wait on the writer itself.
                if (!inside.IsCompleted)
                {
                    throw new InvalidOperationException("A dialog awaited asynchronous work inside a turn's unit of work.");
                }

                return store.Commit(tx, Advance(current, inside.Result, input, address));
            });
            return new TurnOutcome(false, ids);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !IsStorageFailure(ex))
        {
            // The turn's writes were rolled back with it; the citizen hears that something went wrong. Logged without
            // the input: it may hold personal data.
            logger.LogError(ex, "Turn {Turn} of a {Channel} conversation failed while saving", record.Turns + 1, address.Channel);
            var failed = new DialogContext(dialogs, new DialogState { Greeted = true }, input, address);
            failed.Send(EngineTexts.SomethingWentWrong, PromptTexts.MenuButton, PromptTexts.OfficerButton);
            return new TurnOutcome(false, await store.CommitAsync(Advance(record, failed, input, address)));
        }
    }

    /// <summary>Runs the dialogs on a fresh copy of the saved state; a dialog that throws leaves the menu and an apology.</summary>
    private async Task<DialogContext> RunTurnAsync(ConversationRecord record, ChatAddress address, TurnInput input, CancellationToken ct)
    {
        var dc = new DialogContext(dialogs, Load(record), input, address);
        try
        {
            await RunAsync(dc, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not TurnWritesException && !IsStorageFailure(ex))
        {
            // Logged without the input: it may hold personal data.
            logger.LogError(ex, "Turn {Turn} of a {Channel} conversation failed in dialog {Dialog}",
                record.Turns + 1, address.Channel, dc.ActiveInstance?.DialogId ?? "-");
            dc = new DialogContext(dialogs, new DialogState { Greeted = true }, input, address);
            dc.Send(EngineTexts.SomethingWentWrong, PromptTexts.MenuButton, PromptTexts.OfficerButton);
        }

        return dc;
    }

    /// <summary>The conversation after this turn and its replies; the loaded record is left as it was (a unit may run twice).</summary>
    private (ConversationRecord Record, List<OutboxMessage> Replies) Advance(ConversationRecord record, DialogContext dc, TurnInput input, ChatAddress address)
    {
        var now = time.GetUtcNow();
        var next = new ConversationRecord
        {
            Id = record.Id,
            Turns = record.Turns + 1,
            StateJson = JsonSerializer.Serialize(dc.State),
            LastUpdateId = Math.Max(record.LastUpdateId, input.UpdateId),
            UpdatedAt = now,
        };
        // Keyed by the channel's update id where there is one: unique per chat whatever the saved turn count says, and
        // the same again if that update is ever handled twice.
        var turn = input.UpdateId != 0 ? "u" + input.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture) : next.Turns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (next, [.. dc.Replies.Select((m, i) => Reply(OutboxMessage.Create($"reply:{address.Key}:{turn}:{i}", address, m, now, seal)))]);
    }

    /// <summary>A web chat reply is delivered by being stored: the page reads it with the turn's answer, no claim and no send.</summary>
    private static OutboxMessage Reply(OutboxMessage message)
    {
        if (message.Address.DeliveredByStoring)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = message.CreatedAt;
        }

        return message;
    }

    private static bool IsStorageFailure(Exception ex) => ex is IOException or UnauthorizedAccessException || (ex is LiteDB.LiteException && ex.InnerException is IOException);

    private async Task RunAsync(DialogContext dc, CancellationToken ct)
    {
        if (await interruptions.TryHandleAsync(dc, ct))
        {
            return;
        }

        if (dc.ActiveInstance is null)
        {
            await dc.BeginDialogAsync(MainDialogId, new Dictionary<string, string> { ["input"] = dc.Input.Text ?? "" }, ct);
            return;
        }

        await dc.ContinueDialogAsync(ct);
    }

    private DialogState Load(ConversationRecord record)
    {
        if (string.IsNullOrEmpty(record.StateJson))
        {
            return new DialogState();
        }

        try
        {
            return JsonSerializer.Deserialize<DialogState>(record.StateJson) ?? new DialogState();
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable dialog state for a {Channel} conversation; starting afresh", record.Id.Split(':')[0]);
            return new DialogState { Greeted = true };
        }
    }
}
