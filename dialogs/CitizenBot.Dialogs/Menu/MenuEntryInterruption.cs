using CitizenBot.Core.Commune;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Menu;

/// <summary>
/// A main-menu button ("menu:&lt;entry id&gt;") pressed on any message, however old, or an entry's "anywhere" words typed
/// alone ("hướng dẫn"): the feature starts at once, whatever was on the stack. A flow left half done is named in one line
/// by the menu. Answers to a particular question (an old "Có") stay stale: only menu buttons mean the same everywhere.
/// </summary>
public sealed class MenuEntryInterruption(IEnumerable<MenuEntry> entries) : IInterruption
{
    private readonly IReadOnlyList<MenuEntry> _entries = [.. entries];

    public InterruptionOrder Order => InterruptionOrder.BeforeEngine;

    public async Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.Input.InGroup || Chosen(dc.Input) is not { } entryId)
        {
            return false;
        }

        var left = UnfinishedFlow(dc);
        dc.CancelAll();
        var options = new Dictionary<string, string> { [MainMenuDialog.EntryOption] = entryId };
        if (left is not null)
        {
            options[MainMenuDialog.LeftOption] = left;
        }

        await dc.BeginDialogAsync(ConversationBot.MainDialogId, options, ct);
        return true;
    }

    private string? Chosen(TurnInput input)
    {
        if (input.Payload is { } payload)
        {
            return payload.StartsWith(MenuEntry.PayloadPrefix, StringComparison.Ordinal) ? payload[MenuEntry.PayloadPrefix.Length..] : null;
        }

        var typed = TextMatching.Words(input.Text);
        return typed.Length == 0 ? null : _entries.FirstOrDefault(e => (e.Anywhere ?? []).Any(w => TextMatching.Words(w) == typed))?.Id;
    }

    /// <summary>The flow the menu started (the first dialog above the menu), when it holds work the citizen would lose.</summary>
    private static string? UnfinishedFlow(DialogContext dc)
    {
        var flow = dc.State.Stack.FirstOrDefault(d => d.DialogId != ConversationBot.MainDialogId);
        return flow is not null && dc.Dialogs.Find(flow.DialogId) is { LeavesWorkUndone: true } ? flow.DialogId : null;
    }
}
