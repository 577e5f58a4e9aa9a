using LiteDB;

namespace CitizenBot.Core.Messaging;

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,

    /// <summary>A send was under way when the process died: it may or may not have arrived, so it is not sent again.</summary>
    Unconfirmed,

    /// <summary>Withdrawn before it was sent (a reminder for a booking cancelled in the meantime).</summary>
    Withdrawn,
}

/// <summary>One message to one chat, stored before it is sent. <see cref="Key"/> makes enqueueing idempotent.</summary>
public sealed class OutboxMessage
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public string AddressKey { get; set; } = "";

    public string Text { get; set; } = "";

    public List<Button> Buttons { get; set; } = [];

    public bool RequestContact { get; set; }

    public FileAttachment? File { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The channel's id of the message once sent (Telegram's message_id).</summary>
    public string? ChannelMessageId { get; set; }

    public string? Error { get; set; }

    [BsonIgnore]
    public ChatAddress Address => ChatAddress.Parse(AddressKey);

    public static OutboxMessage Create(string key, ChatAddress to, OutgoingMessage message, DateTimeOffset now) => new()
    {
        Key = key,
        AddressKey = to.Key,
        Text = message.Text,
        Buttons = [.. message.Buttons],
        RequestContact = message.RequestContact,
        File = message.File,
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public OutgoingMessage ToMessage() => new(Text, Buttons, RequestContact, File);
}
