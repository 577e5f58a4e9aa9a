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

        var from = FlowOf(dc.State.Stack.Select(d => d.DialogId));
        dc.CancelAll();
        await dc.BeginDialogAsync(AskOfficerDialog.DialogId, new Dictionary<string, string> { ["from"] = from }, ct);
        return true;
    }

    /// <summary>
    /// The flow the citizen was in, as the menu names it: the main menu sits at the bottom of the stack and the flow it
    /// started above it (with its prompts above that), so the first menu flow from the bottom; the main menu when none.
    /// </summary>
    internal string FlowOf(IEnumerable<string> stackBottomFirst) =>
        stackBottomFirst.FirstOrDefault(_flows.Contains) ?? stackBottomFirst.FirstOrDefault() ?? "";
}
