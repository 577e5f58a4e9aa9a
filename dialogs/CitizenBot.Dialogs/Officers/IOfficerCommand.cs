using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Officers;

/// <summary>
/// A command for officers, leaders or admins, typed ("/lichhen 10/12") or sent by a button
/// ("op:lichhen:10/12"). The router checks <see cref="Role"/> before <see cref="HandleAsync"/> runs.
/// </summary>
public interface IOfficerCommand
{
    /// <summary>The command word without the slash, e.g. "lichhen".</summary>
    string Name { get; }

    UserRole Role { get; }

    /// <summary>One line for the officers' help: usage and what it does.</summary>
    string Usage { get; }

    /// <summary>Shows citizens' names, phones or words: answered only in a private chat or the officers' chat, never in another group.</summary>
    bool ShowsPersonalData => false;

    Task HandleAsync(OfficerCommandContext command, CancellationToken ct);
}

/// <summary>An officer's reply, in the officers' chat, to a message the bot relayed there (a question).</summary>
public interface IOfficerReplyHandler
{
    /// <summary>Handles the reply when it answers something of this slice; false to let another slice try.</summary>
    Task<bool> TryHandleAsync(OfficerCommandContext command, string repliedMessageId, string text, CancellationToken ct);
}

/// <summary>What a command sees: its arguments, who runs it, and where to answer.</summary>
public sealed class OfficerCommandContext(DialogContext dc, string arguments, UserRole role, string actor)
{
    public string Arguments { get; } = arguments;

    public UserRole Role { get; } = role;

    /// <summary>The user key of the officer ("telegram:12345"), for the audit log.</summary>
    public string Actor { get; } = actor;

    public ChatAddress Address => dc.Address;

    /// <summary>Run in a group chat (the officers' group), where nothing confidential may be shown.</summary>
    public bool InGroup => dc.Input.InGroup;

    public void Send(string text, params Button[] buttons) => dc.Send(text, buttons);

    public void Send(OutgoingMessage message) => dc.Send(message);

    /// <summary>Starts an officer's conversation (composing an announcement) in place of whatever was going on.</summary>
    public async Task BeginDialogAsync(string dialogId, CancellationToken ct)
    {
        dc.CancelAll();
        await dc.BeginDialogAsync(dialogId, null, ct);
    }

    /// <summary>A button that runs another officer command when pressed.</summary>
    public static Button Button(string label, string command, string arguments) => new(label, $"{OfficerCommands.PayloadPrefix}{command}:{arguments}");
}
