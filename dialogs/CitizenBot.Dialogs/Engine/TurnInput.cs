namespace CitizenBot.Dialogs.Engine;

/// <summary>A file or photo the citizen sent; only the channel's file id is kept.</summary>
public sealed record InputAttachment(string Kind, string FileId, string? Name = null);

/// <summary>What arrived from the citizen in one update, channel-neutral.</summary>
public sealed record TurnInput
{
    public string? Text { get; init; }

    /// <summary>The payload of a pressed button.</summary>
    public string? Payload { get; init; }

    /// <summary>A phone number shared through the channel's contact button.</summary>
    public string? ContactPhone { get; init; }

    public IReadOnlyList<InputAttachment> Attachments { get; init; } = [];

    /// <summary>The channel's update id (0 when the channel has none); a turn with an id already handled is skipped.</summary>
    public long UpdateId { get; init; }

    public string? UserId { get; init; }

    /// <summary>
    /// Who sent this, for limits that belong to the sender rather than to a conversation ("telegram-user:42",
    /// "web-ip:203.0.113.5"): one person or one client address can open many conversations. Null when unknown.
    /// </summary>
    public string? SenderKey { get; init; }

    public string? UserDisplayName { get; init; }

    /// <summary>The channel's id of the message this one replies to (an officer answering a relayed question).</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>A location the citizen shared; only a place on Earth (see <see cref="GeoPoint"/>).</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>Sent in a group chat: only officer commands are answered there, never citizens' flows.</summary>
    public bool InGroup { get; init; }

    public static TurnInput FromText(string text, long updateId = 0) => new() { Text = text, UpdateId = updateId };

    public static TurnInput FromPayload(string payload, long updateId = 0) => new() { Payload = payload, UpdateId = updateId };
}
