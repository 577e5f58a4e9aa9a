using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Channels.Telegram;

/// <summary>The next getUpdates offset, saved once every update before it is durable, so a restart never skips one (a repeat is turned away by its id).</summary>
public sealed class TelegramCursor(CitizenDatabase db)
{
    private readonly ChannelCursor _cursor = new(db, "telegram");

    public int Load() => _cursor.Load();

    public Task SaveAsync(int nextOffset) => _cursor.SaveAsync(nextOffset);
}
