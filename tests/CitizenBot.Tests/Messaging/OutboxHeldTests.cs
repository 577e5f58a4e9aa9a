using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Messaging;

/// <summary>Messages a channel may not send now are held, not retried or failed, and go out after a header once the chat opens.</summary>
public sealed class OutboxHeldTests : IDisposable
{
    private static readonly ChatAddress Chat = new("zalo", "u1");
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;
    private readonly Outbox _outbox;

    public OutboxHeldTests()
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
    public async Task A_held_message_keeps_its_attempts_does_not_block_the_chat_and_is_released_after_a_header()
    {
        var now = DateTimeOffset.UnixEpoch;
        var ids = _outbox.Enqueue(OutboxMessage.Create("dossier:HS-1:change:2:f", Chat, new OutgoingMessage("Hồ sơ đã có kết quả"), now),
            OutboxMessage.Create("reply:zalo:u1:1:0", Chat, new OutgoingMessage("Xin chào"), now));
        await _outbox.TryClaimAsync(ids[0], now);

        await _outbox.CompleteAsync(ids[0], SendOutcome.Hold("outside the window"), now, 8);

        var held = Assert.Single(_outbox.HeldFor(Chat.Key));
        Assert.Equal((0, "outside the window"), (held.Attempts, held.Error));
        Assert.Equal([ids[1]], _outbox.PendingFor(Chat.Key).Select(m => m.Id));

        var released = _db.Write(tx => Outbox.ReleaseHeld(tx, Chat.Key, now,
            count => OutboxMessage.Create("waiting:1", Chat, new OutgoingMessage($"{count} thông báo mới"), now)));

        Assert.Equal(1, released);
        Assert.Equal(["reply:zalo:u1:1:0", "waiting:1", "dossier:HS-1:change:2:f"], _outbox.PendingFor(Chat.Key).Select(m => m.Key));
        Assert.Empty(_outbox.HeldFor(Chat.Key));
        Assert.Equal(0, _db.Write(tx => Outbox.ReleaseHeld(tx, Chat.Key, now)));
    }
}
