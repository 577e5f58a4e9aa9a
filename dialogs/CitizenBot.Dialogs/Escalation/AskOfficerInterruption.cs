using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;

namespace CitizenBot.Dialogs.Escalation;

/// <summary>The "ask an officer" button every prompt carries: leaves whatever flow is active for <see cref="AskOfficerDialog"/>.</summary>
public sealed class AskOfficerInterruption(IEnumerable<MenuEntry> menu) : IInterruption
{
    private readonly HashSet<string> _flows = [.. menu.Select(e => e.DialogId).Where(id => id != AskOfficerDialog.DialogId)];

    public InterruptionOrder Order => InterruptionOrder.AfterEngine;

    public async Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.Input.Payload != PromptTexts.OfficerPayload || dc.Dialogs.Find(AskOfficerDialog.DialogId) is null)
        {
            return false;
        }

        // The flow still open, or the one the conversation just gave up on (the button is offered there).
        var from = FlowOf([.. dc.State.Stack.Select(d => d.DialogId)]);
        if (!_flows.Contains(from) && dc.State.LeftStack is { } left && FlowOf(left) is var leftFlow && _flows.Contains(leftFlow))
        {
            from = leftFlow;
        }

        dc.CancelAll();
        await dc.BeginDialogAsync(AskOfficerDialog.DialogId, new Dictionary<string, string> { ["from"] = from }, ct);
        return true;
    }

    /// <summary>
    /// The flow the citizen was in, as the menu names it: the main menu sits at the bottom of the stack and the flow it
    /// started above it (with its prompts above that), so the first menu flow from the bottom; the main menu when none.
    /// </summary>
    internal string FlowOf(IReadOnlyList<string> stackBottomFirst) =>
        stackBottomFirst.FirstOrDefault(_flows.Contains) ?? (stackBottomFirst.Count > 0 ? stackBottomFirst[0] : "");
}
