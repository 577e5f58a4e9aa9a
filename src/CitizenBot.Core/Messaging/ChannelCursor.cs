using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Messaging;

/// <summary>How far a channel's receiver has read (Telegram's next getUpdates offset), kept in the database so a restart resumes there.</summary>
public sealed class ChannelCursor(CitizenDatabase db, string channel)
{
    private readonly string _collectionName = channel + "_cursor";

    public int Load() => db.Collection<CursorRecord>(_collectionName).FindById("offset")?.NextOffset ?? 0;

    public Task SaveAsync(int nextOffset) => db.WriteAsync(tx =>
        tx.GetCollection<CursorRecord>(_collectionName).Upsert(new CursorRecord { Id = "offset", NextOffset = nextOffset }));

    public sealed class CursorRecord
    {
        [BsonId]
        public string Id { get; set; } = "";

        public int NextOffset { get; set; }
    }
}
