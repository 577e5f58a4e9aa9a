using System.Globalization;

namespace CitizenBot.Dialogs.Engine;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken ct);

/// <summary>
/// A dialog of steps run in order, as in Bot Framework v4: each step sends something or starts a child
/// (usually a prompt); the child's result arrives in the next step. Steps are known by name: the dialog's
/// own state keeps the current step's name, so a conversation saved waiting at a step resumes at that
/// step even after a deploy that inserted steps before it.
/// </summary>
public class WaterfallDialog : Dialog
{
    private readonly List<(string Name, WaterfallStep Step)> _steps = [];

    /// <summary>A dialog that adds its named steps with <see cref="AddStep"/>.</summary>
    protected WaterfallDialog(string id) : base(id)
    {
    }

    /// <summary>Unnamed steps (tests, small inline dialogs) are named by their position.</summary>
    public WaterfallDialog(string id, params WaterfallStep[] steps) : base(id)
    {
        foreach (var step in steps)
        {
            AddStep("#" + _steps.Count.ToString(CultureInfo.InvariantCulture), step);
        }
    }

    public WaterfallDialog(string id, params (string Name, WaterfallStep Step)[] steps) : base(id)
    {
        foreach (var (name, step) in steps)
        {
            AddStep(name, step);
        }
    }

    /// <summary>Adds a step under a name that stays stable across deploys (usually nameof the method).</summary>
    protected void AddStep(string name, WaterfallStep step)
    {
        if (_steps.Any(s => s.Name == name))
        {
            throw new InvalidOperationException($"Dialog '{Id}' has two steps named '{name}'.");
        }

        _steps.Add((name, step));
    }

    public IReadOnlyList<string> StepNames => [.. _steps.Select(s => s.Name)];

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
        RunStepAsync(dc, CurrentIndex(dc.ActiveInstance!) + 1, dc.Input.Text, ct);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken ct) =>
        RunStepAsync(dc, CurrentIndex(dc.ActiveInstance!) + 1, result, ct);

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Where the instance stands: its step's name, looked up in today's list. A state saved before steps
    /// had names (or naming a step since removed) falls back to the saved index.
    /// </summary>
    internal int CurrentIndex(DialogInstance instance) =>
        instance.StepName is { } name && IndexOf(name) is var index && index >= 0 ? index : instance.Step;

    internal Task<DialogTurnResult> RunStepAsync(DialogContext dc, string name, object? result, CancellationToken ct)
    {
        var index = IndexOf(name);
        return index < 0
            ? throw new InvalidOperationException($"Dialog '{Id}' has no step named '{name}'.")
            : RunStepAsync(dc, index, result, ct);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken ct)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, ct);
        }

        var instance = dc.ActiveInstance!;
        instance.Step = index;
        instance.StepName = _steps[index].Name;
        return await _steps[index].Step(new WaterfallStepContext(dc, this, instance, result), ct);
    }

    private int IndexOf(string name) => _steps.FindIndex(s => s.Name == name);
}
