namespace CitizenBot.Dialogs.Engine;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken ct);

/// <summary>
/// A dialog of steps run in order, as in Bot Framework v4: each step sends something or starts a child
/// (usually a prompt); the child's result arrives in the next step. The step index and the values
/// gathered live in the dialog's own state.
/// </summary>
public class WaterfallDialog : Dialog
{
    private readonly List<WaterfallStep> _steps = [];

    public WaterfallDialog(string id, params WaterfallStep[] steps) : base(id) => _steps.AddRange(steps);

    protected void AddStep(WaterfallStep step) => _steps.Add(step);

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, IReadOnlyDictionary<string, string>? options, CancellationToken ct)
    {
        var instance = dc.ActiveInstance!;
        if (options is not null)
        {
            foreach (var (key, value) in options)
            {
                instance.Values[key] = value;
            }
        }

        return RunStepAsync(dc, 0, null, ct);
    }

    /// <summary>Input that reaches a waterfall directly (no prompt on top) goes to the next step as text.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken ct) =>
        RunStepAsync(dc, dc.ActiveInstance!.Step + 1, dc.Input.Text, ct);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken ct) =>
        RunStepAsync(dc, dc.ActiveInstance!.Step + 1, result, ct);

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct) => Task.CompletedTask;

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken ct)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, ct);
        }

        var instance = dc.ActiveInstance!;
        instance.Step = index;
        return await _steps[index](new WaterfallStepContext(dc, this, instance, result), ct);
    }
}
