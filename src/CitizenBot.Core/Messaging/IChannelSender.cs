namespace CitizenBot.Core.Messaging;

/// <summary>
/// A channel's way out. The outbox dispatcher calls it once per stored message; it must say how the
/// attempt ended instead of throwing, so the dispatcher can retry, wait or give up.
/// </summary>
public interface IChannelSender
{
    string Channel { get; }

    /// <summary>
    /// Waits until the channel's limits let a message to <paramref name="to"/> go, before the dispatcher claims it:
    /// a message only counts as "being sent" (and so "unconfirmed" after a crash) once it really leaves.
    /// Dispose the turn when the send has ended.
    /// </summary>
    Task<IDisposable?> WaitTurnAsync(ChatAddress to, CancellationToken ct) => Task.FromResult<IDisposable?>(null);

    /// <summary>
    /// True when the channel reads its chats' history back from the outbox (the web chat): a confidential message is
    /// then kept, sealed; elsewhere its content is dropped once delivered.
    /// </summary>
    bool KeepsHistoryInOutbox => false;

    Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct);
}

public enum SendOutcomeKind
{
    Sent,
    RetryLater,
    Failed,

    /// <summary>The attempt may or may not have reached the chat (a timeout after the request left): not sent again.</summary>
    Unconfirmed,

    /// <summary>The channel may not write to the chat now and sending it would cost or fail: kept, not retried, until the chat opens again.</summary>
    Held,
}

public sealed record SendOutcome(SendOutcomeKind Kind, TimeSpan RetryAfter = default, string? Error = null)
{
    public static SendOutcome Sent { get; } = new(SendOutcomeKind.Sent);

    /// <summary>The channel's id of the sent message, kept so a reply to it can be traced (an officer answering a relay).</summary>
    public string? MessageId { get; init; }

    public static SendOutcome SentAs(string messageId) => new(SendOutcomeKind.Sent) { MessageId = messageId };

    public static SendOutcome Retry(TimeSpan after, string error) => new(SendOutcomeKind.RetryLater, after, error);

    public static SendOutcome Fail(string error) => new(SendOutcomeKind.Failed, Error: error);

    public static SendOutcome Unsure(string error) => new(SendOutcomeKind.Unconfirmed, Error: error);

    public static SendOutcome Hold(string reason) => new(SendOutcomeKind.Held, Error: reason);
}
