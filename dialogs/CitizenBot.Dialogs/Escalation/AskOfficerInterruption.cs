using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Escalation;

/// <summary>The "ask an officer" button every prompt carries: leaves whatever flow is active for <see cref="AskOfficerDialog"/>.</summary>
public sealed class AskOfficerInterruption : IInterruption
{
    public InterruptionOrder Order => InterruptionOrder.AfterEngine;

    public async Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.Input.Payload != PromptTexts.OfficerPayload || dc.Dialogs.Find(AskOfficerDialog.DialogId) is null)
        {
            return false;
        }

        var from = dc.State.Stack.Count > 0 ? dc.State.Stack[0].DialogId : "";
        dc.CancelAll();
        await dc.BeginDialogAsync(AskOfficerDialog.DialogId, new Dictionary<string, string> { ["from"] = from }, ct);
        return true;
    }
}
