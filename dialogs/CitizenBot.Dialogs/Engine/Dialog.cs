namespace CitizenBot.Dialogs.Engine;

/// <summary>
/// A step of conversation on the stack: begun with options, continued with each input while it is
/// on top, resumed with the result of a child dialog it started.
/// </summary>
public abstract class Dialog(string id)
{
    private readonly List<Dialog> _prompts = [];

    public string Id { get; } = id;

    /// <summary>The prompts this dialog asks with (Bot Framework's ComponentDialog): the dialog set registers them with it.</summary>
    public IReadOnlyList<Dialog> Prompts => _prompts;

    /// <summary>Adds a prompt this dialog owns; its id must still be unique in the bot (it is saved in conversations).</summary>
    protected void AddPrompt(Dialog prompt) => _prompts.Add(prompt);

    /// <summary>Shown when the citizen asks for help while this dialog is on top.</summary>
    public virtual string? HelpText => null;

    /// <summary>
    /// Whether leaving this dialog midway loses something the citizen gave (a petition being written, a booking half
    /// chosen): then the citizen is told it was left. A lookup or a guide answer loses nothing.
    /// </summary>
    public virtual bool LeavesWorkUndone => true;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, IReadOnlyDictionary<string, string>? options, CancellationToken ct);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken ct) => Task.FromResult(DialogTurnResult.Waiting);

    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken ct) => dc.EndDialogAsync(result, ct);

    /// <summary>Asks again for what this dialog waits for (after help, or after a restart).</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken ct) => Task.CompletedTask;
}
