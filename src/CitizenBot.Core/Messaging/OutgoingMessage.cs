namespace CitizenBot.Core.Messaging;

/// <summary>A button: what the citizen sees and the short payload sent back (at most 64 bytes for Telegram).</summary>
public sealed record Button(string Label, string Payload);

/// <summary>A channel-neutral message: text, buttons (one per row), and whether to ask for the phone contact.</summary>
public sealed record OutgoingMessage(string Text, IReadOnlyList<Button> Buttons, bool RequestContact = false)
{
    public OutgoingMessage(string text) : this(text, []) { }
}
