using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Channels.Telegram;

/// <summary>The next getUpdates offset, saved after each batch so a restart neither skips nor repeats updates.</summary>
public sealed class TelegramCursor(CitizenDatabase db)
{
    private const string CollectionName = "telegram_cursor";

    public int Load() => db.Collection<CursorRecord>(CollectionName).FindById("offset")?.NextOffset ?? 0;

    public void Save(int nextOffset) => db.Write(tx =>
        tx.GetCollection<CursorRecord>(CollectionName).Upsert(new CursorRecord { Id = "offset", NextOffset = nextOffset }));

    public sealed class CursorRecord
    {
        [BsonId]
        public string Id { get; set; } = "";

        public int NextOffset { get; set; }
    }
}
