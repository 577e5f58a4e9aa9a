namespace CitizenBot.Core.Messaging;

/// <summary>Where a conversation lives: a channel ("telegram", "web") and that channel's chat id.</summary>
public sealed record ChatAddress(string Channel, string ChatId)
{
    public string Key => $"{Channel}:{ChatId}";

    public static ChatAddress Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? throw new FormatException($"Not a chat address: {key}") : new ChatAddress(key[..colon], key[(colon + 1)..]);
    }

    public override string ToString() => Key;
}
