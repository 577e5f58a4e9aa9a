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
            return new TurnOutcome(false, store.Commit(record, warning));
        }

        var state = Load(record);
        var dc = new DialogContext(dialogs, state, input, address);
        try
        {
            await RunAsync(dc, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged without the input: it may hold personal data.
            logger.LogError(ex, "Turn {Turn} of a {Channel} conversation failed in dialog {Dialog}",
                record.Turns + 1, address.Channel, dc.ActiveInstance?.DialogId ?? "-");
            dc = new DialogContext(dialogs, new DialogState { Greeted = true }, input, address);
            dc.Send(EngineTexts.SomethingWentWrong, PromptTexts.MenuButton, PromptTexts.OfficerButton);
        }

        record.Turns++;
        record.StateJson = JsonSerializer.Serialize(dc.State);
        record.LastUpdateId = Math.Max(record.LastUpdateId, input.UpdateId);
        record.UpdatedAt = time.GetUtcNow();
        var now = time.GetUtcNow();
        var replies = dc.Replies.Select((m, i) => OutboxMessage.Create($"reply:{address.Key}:{record.Turns}:{i}", address, m, now));
        var ids = store.Commit(record, replies);
        return new TurnOutcome(false, ids);
    }

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
