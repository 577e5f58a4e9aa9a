namespace CitizenBot.Core.Messaging;

/// <summary>Where a conversation lives: a channel ("telegram", "web") and that channel's chat id.</summary>
public sealed record ChatAddress(string Channel, string ChatId)
{
    /// <summary>The web chat's channel name: its page reads messages straight from the outbox.</summary>
    public const string WebChannel = "web";

    public string Key => $"{Channel}:{ChatId}";

    /// <summary>A message to this chat is delivered once stored (the web chat polls the outbox); nothing is sent.</summary>
    public bool DeliveredByStoring => Channel == WebChannel;

    public static ChatAddress Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? throw new FormatException($"Not a chat address: {key}") : new ChatAddress(key[..colon], key[(colon + 1)..]);
    }

    public override string ToString() => Key;
}
