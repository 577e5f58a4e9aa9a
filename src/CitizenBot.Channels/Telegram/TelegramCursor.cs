using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Channels.Telegram;

/// <summary>The next getUpdates offset, saved once every update before it is durable, so a restart never skips one (a repeat is turned away by its id).</summary>
public sealed class TelegramCursor(CitizenDatabase db)
{
    private const string CollectionName = "telegram_cursor";

    public int Load() => db.Collection<CursorRecord>(CollectionName).FindById("offset")?.NextOffset ?? 0;

    public Task SaveAsync(int nextOffset) => db.WriteAsync(tx =>
        tx.GetCollection<CursorRecord>(CollectionName).Upsert(new CursorRecord { Id = "offset", NextOffset = nextOffset }));

    public sealed class CursorRecord
    {
        [BsonId]
        public string Id { get; set; } = "";

        public int NextOffset { get; set; }
    }
}
