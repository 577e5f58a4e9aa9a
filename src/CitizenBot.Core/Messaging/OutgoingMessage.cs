namespace CitizenBot.Core.Messaging;

/// <summary>A button: what the citizen sees and the short payload sent back (at most 64 bytes for Telegram).</summary>
public sealed record Button(string Label, string Payload);

/// <summary>
/// A small file sent with a message (a calendar entry, an export), kept in the outbox until sent; or a file
/// the channel already holds (a photo an officer sent), named by the channel's file id.
/// </summary>
public sealed record FileAttachment(string FileName, string ContentType, byte[] Content)
{
    public string? ChannelFileId { get; init; }

    public static FileAttachment FromChannel(string fileId, string kind) =>
        new(kind, kind == "photo" ? "image/jpeg" : "application/octet-stream", []) { ChannelFileId = fileId };
}

/// <summary>
/// A channel-neutral message: text, buttons (<see cref="Columns"/> per row), whether to ask for the phone contact, and an
/// optional file, which channels send as a document captioned with the text.
/// </summary>
public sealed record OutgoingMessage(string Text, IReadOnlyList<Button> Buttons, bool RequestContact = false, FileAttachment? File = null)
{
    public OutgoingMessage(string text) : this(text, []) { }

    /// <summary>
    /// Carries what must never be at rest in clear (a denouncer's identity): the outbox stores it sealed from the
    /// first write, opens it only to send or to show the web chat its own history, and drops it once delivered.
    /// </summary>
    public bool Confidential { get; init; }

    /// <summary>The outbox key it was stored under, given to the channel when it is sent (a channel may treat notices apart); never stored.</summary>
    public string? OutboxKey { get; init; }

    /// <summary>Buttons per row (at least 1): short buttons such as reception hours sit in a grid instead of one long column.</summary>
    public int Columns { get; init; } = 1;

    /// <summary>Payload prefix of the navigation buttons every prompt adds ("Về menu chính"): they keep a row of their own below a grid.</summary>
    public const string NavigationPrefix = "nav:";

    /// <summary>The buttons in rows: <see cref="Columns"/> to a row, then each navigation button on its own row.</summary>
    public IReadOnlyList<IReadOnlyList<Button>> Rows()
    {
        var columns = Math.Max(1, Columns);
        bool Navigation(Button b) => columns > 1 && b.Payload.StartsWith(NavigationPrefix, StringComparison.Ordinal);
        var rows = Buttons.Where(b => !Navigation(b)).Chunk(columns).Select(r => (IReadOnlyList<Button>)r).ToList();
        rows.AddRange(Buttons.Where(Navigation).Select(b => (IReadOnlyList<Button>)[b]));
        return rows;
    }

    public OutgoingMessage AsConfidential() => this with { Confidential = true };

    public static OutgoingMessage Document(string caption, FileAttachment file) => new(caption, [], File: file);
}
