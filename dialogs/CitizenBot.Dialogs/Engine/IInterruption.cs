namespace CitizenBot.Dialogs.Engine;

/// <summary>When a feature's interruption is asked, relative to the engine's own words (menu, cancel, help).</summary>
public enum InterruptionOrder
{
    /// <summary>Before everything, in groups too (officer commands and replies in the officers' chat).</summary>
    BeforeEngine,

    /// <summary>After menu, cancel and help, in private chats only (a button every prompt carries).</summary>
    AfterEngine,
}

/// <summary>
/// Input a feature answers at every step, before the active dialog sees it: the feature registers it as an
/// <see cref="IInterruption"/> and the engine asks each in turn, so the engine knows no feature.
/// </summary>
public interface IInterruption
{
    InterruptionOrder Order { get; }

    /// <summary>True when this input was handled here and the active dialog must not see it.</summary>
    Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct);
}
