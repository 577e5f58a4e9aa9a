using CitizenBot.Core.Storage;
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

    /// <summary>The channel may not write to the chat now (Zalo outside its free window): kept until the citizen writes again.</summary>
    Held,
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

    /// <summary>Buttons per row; records written before this field read as 1.</summary>
    public int Columns { get; set; } = 1;

    public FileAttachment? File { get; set; }

    /// <summary>Text, button labels and file content are sealed (<see cref="DataSeal"/>); empty once delivered where no history is kept.</summary>
    public bool Confidential { get; set; }

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

    /// <param name="seal">Required for a confidential message, which is sealed here, before anything is written.</param>
    public static OutboxMessage Create(string key, ChatAddress to, OutgoingMessage message, DateTimeOffset now, DataSeal? seal = null)
    {
        if (message.Confidential && seal is null)
        {
            throw new InvalidOperationException("A confidential message must be sealed before it is stored.");
        }

        return new()
        {
            Key = key,
            AddressKey = to.Key,
            Text = message.Confidential ? seal!.Seal(message.Text) : message.Text,
            Buttons = [.. message.Confidential ? message.Buttons.Select(b => b with { Label = seal!.Seal(b.Label) }) : message.Buttons],
            RequestContact = message.RequestContact,
            Columns = Math.Max(1, message.Columns),
            File = message.Confidential && message.File is { } file ? file with { Content = seal!.SealBytes(file.Content) } : message.File,
            Confidential = message.Confidential,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>The message as it is sent; a confidential one is opened with the seal (its text is empty once dropped).</summary>
    public OutgoingMessage ToMessage(DataSeal? seal = null)
    {
        if (!Confidential)
        {
            return new(Text, Buttons, RequestContact, File) { Columns = Math.Max(1, Columns) };
        }

        if (seal is null)
        {
            throw new InvalidOperationException("A confidential message can only be opened with the seal.");
        }

        return new OutgoingMessage(Open(seal, Text), [.. Buttons.Select(b => b with { Label = Open(seal, b.Label) })], RequestContact,
            File is { } file ? file with { Content = file.Content.Length == 0 ? [] : seal.OpenBytes(file.Content) ?? [] } : null)
        { Confidential = true, Columns = Math.Max(1, Columns) };
    }

    /// <summary>Forgets a confidential message's content once it was delivered to a channel that keeps no history here.</summary>
    public void DropConfidentialContent()
    {
        if (Confidential)
        {
            Text = "";
            Buttons = [];
            File = null;
        }
    }

    private static string Open(DataSeal seal, string value) => value.Length == 0 ? "" : seal.Open(value) ?? "";
}
