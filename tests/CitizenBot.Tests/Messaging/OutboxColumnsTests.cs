using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using LiteDB;

namespace CitizenBot.Tests.Messaging;

/// <summary>Buttons per row travel with a message through the outbox; records written before the field still read.</summary>
public sealed class OutboxColumnsTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;
    private readonly Outbox _outbox;
    private readonly ChatAddress _chat = new("telegram", "77");

    public OutboxColumnsTests()
    {
        _db = TestDatabase.Open(_dir.Path);
        _outbox = new Outbox(_db, new DataSeal([.. Enumerable.Range(1, 32).Select(i => (byte)i)]));
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Columns_are_kept_through_the_outbox_sealed_or_not()
    {
        var plain = OutboxMessage.Create("k:1", _chat, new OutgoingMessage("Giờ", [new Button("7:30", "a|1")]) { Columns = 3 }, DateTimeOffset.UnixEpoch);
        var sealedOne = OutboxMessage.Create("k:2", _chat, new OutgoingMessage("Giờ", [new Button("7:30", "a|1")]) { Columns = 2, Confidential = true },
            DateTimeOffset.UnixEpoch, new DataSeal([.. Enumerable.Range(1, 32).Select(i => (byte)i)]));
        _db.Write(tx => Outbox.AddNew(tx, [plain, sealedOne]));

        var stored = _outbox.All();

        Assert.Equal(3, _outbox.Open(stored[0]).Columns);
        Assert.Equal(2, _outbox.Open(stored[1]).Columns);
    }

    [Fact]
    public void A_record_written_before_columns_existed_reads_as_one_per_row()
    {
        _db.Write(tx => tx.GetCollection(Outbox.CollectionName).Insert(new BsonDocument
        {
            ["_id"] = 1L, ["Key"] = "old:1", ["AddressKey"] = _chat.Key, ["Text"] = "Cũ",
            ["Buttons"] = new BsonArray(new BsonDocument { ["Label"] = "A", ["Payload"] = "x|a" }),
            ["Status"] = nameof(OutboxStatus.Sent), ["CreatedAt"] = DateTime.UnixEpoch, ["NextAttemptAt"] = DateTime.UnixEpoch,
        }));

        var old = Assert.Single(_outbox.All());

        Assert.Equal(1, _outbox.Open(old).Columns);
        Assert.Single(_outbox.Open(old).Rows());
    }
}
