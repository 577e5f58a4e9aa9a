using CitizenBot.Core.Messaging;

namespace CitizenBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: the previous step's result, its dialog's values, and the moves it can make.</summary>
public sealed class WaterfallStepContext(DialogContext dc, WaterfallDialog dialog, DialogInstance instance, object? result)
{
    public DialogContext Context { get; } = dc;

    public object? Result { get; } = result;

    public int Index => instance.Step;

    /// <summary>The name of the step running.</summary>
    public string? StepName => instance.StepName;

    /// <summary>The dialog's begin options, or (for untyped dialogs) its values as strings.</summary>
    public Dictionary<string, string> Values => instance.Values;

    /// <summary>The dialog's typed state, saved as JSON with the stack at the end of the turn.</summary>
    public TState State<TState>() where TState : class, new() => instance.State<TState>();

    public ChatAddress Address => Context.Address;

    public void Send(string text, params Button[] buttons) => Context.Send(text, buttons);

    public void Send(OutgoingMessage message) => Context.Send(message);

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken ct) =>
        Context.BeginDialogAsync(promptId, options.ToValues(), ct);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, IReadOnlyDictionary<string, string>? options, CancellationToken ct) =>
        Context.BeginDialogAsync(dialogId, options, ct);

    public Task<DialogTurnResult> NextAsync(object? value, CancellationToken ct) => dialog.RunStepAsync(Context, dialog.CurrentIndex(instance) + 1, value, ct);

    /// <summary>Runs another step of this waterfall, by name (to ask again after a check failed, for example).</summary>
    public Task<DialogTurnResult> GoToStepAsync(string stepName, object? value, CancellationToken ct) => dialog.RunStepAsync(Context, stepName, value, ct);

    public Task<DialogTurnResult> EndAsync(object? value, CancellationToken ct) => Context.EndDialogAsync(value, ct);

    public Task<DialogTurnResult> ReplaceWithAsync(string dialogId, IReadOnlyDictionary<string, string>? options, CancellationToken ct) =>
        Context.ReplaceDialogAsync(dialogId, options, ct);
}
