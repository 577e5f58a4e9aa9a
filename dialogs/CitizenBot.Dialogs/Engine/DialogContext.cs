using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>One turn of one conversation: its input, its stack, and the replies gathered to send.</summary>
public sealed class DialogContext(DialogSet dialogs, DialogState state, TurnInput input, ChatAddress address)
{
    private readonly List<OutgoingMessage> _replies = [];

    public DialogSet Dialogs { get; } = dialogs;

    public DialogState State { get; } = state;

    public TurnInput Input { get; } = input;

    public ChatAddress Address { get; } = address;

    public IReadOnlyList<OutgoingMessage> Replies => _replies;

    public DialogInstance? ActiveInstance => State.Stack.Count == 0 ? null : State.Stack[^1];

    public Dialog? ActiveDialog => ActiveInstance is { } active ? Dialogs.Find(active.DialogId) : null;

    public void Send(OutgoingMessage message) => _replies.Add(message);

    public void Send(string text, params Button[] buttons) => _replies.Add(new OutgoingMessage(text, buttons));

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, IReadOnlyDictionary<string, string>? options, CancellationToken ct)
    {
        var dialog = Dialogs.Get(dialogId);
        if (State.Stack.Count == 0)
        {
            State.LeftStack = null;
        }

        State.Stack.Add(new DialogInstance { DialogId = dialogId, Tag = NewTag() });
        return await dialog.BeginAsync(this, options, ct);
    }

    /// <summary>Gives the input to the dialog on top; an unknown dialog (after an upgrade) is dropped.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken ct)
    {
        var dialog = ActiveDialog;
        if (dialog is null)
        {
            State.Stack.Clear();
            return new DialogTurnResult(DialogTurnStatus.Cancelled);
        }

        return await dialog.ContinueAsync(this, ct);
    }

    /// <summary>Ends the dialog on top and resumes its parent with the result.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken ct)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        var parent = ActiveDialog;
        return parent is null
            ? new DialogTurnResult(DialogTurnStatus.Complete, result)
            : await parent.ResumeAsync(this, result, ct);
    }

    /// <summary>Replaces the dialog on top with another (a loop, or a jump to a sibling flow).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, IReadOnlyDictionary<string, string>? options, CancellationToken ct)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        return await BeginDialogAsync(dialogId, options, ct);
    }

    public DialogTurnResult CancelAll()
    {
        if (State.Stack.Count > 0)
        {
            State.LeftStack = [.. State.Stack.Select(d => d.DialogId)];
        }

        State.Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    private static string NewTag() => Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 3).ToLowerInvariant();
}
