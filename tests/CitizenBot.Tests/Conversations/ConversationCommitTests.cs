using CitizenBot.Core.Conversations;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Conversations;

/// <summary>A turn is saved only on top of the record it was computed from, so an out-of-date read never reuses reply keys.</summary>
public sealed class ConversationCommitTests : IDisposable
{
    private static readonly ChatAddress Lan = new("telegram", "1");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;
    private readonly ConversationStore _store;

    public ConversationCommitTests()
    {
        _db = TestDatabase.Open(_dir.Path);
        _store = new ConversationStore(_db, new DataSeal(new byte[32]));
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_turn_computed_from_the_saved_record_is_committed_with_its_replies()
    {
        var first = await _store.CommitIfUnchangedAsync(new ConversationRecord { Id = Lan.Key }, Turn(1, 1001));

        Assert.NotNull(first);
        Assert.Equal(2, first.Count);
        var saved = _store.Find(Lan)!;
        Assert.Equal((1, 1001L), (saved.Turns, saved.LastUpdateId));
    }

    [Fact]
    public async Task A_turn_computed_from_an_out_of_date_read_saves_nothing()
    {
        await _store.CommitAsync(Turn(1, 1001));

        // What a stale read returned: the last update id of turn 1, but no turn counted.
        var stale = new ConversationRecord { Id = Lan.Key, Turns = 0, LastUpdateId = 1001 };
        var second = await _store.CommitIfUnchangedAsync(stale, Turn(1, 1013));

        Assert.Null(second);
        var saved = _store.Find(Lan)!;
        Assert.Equal((1, 1001L), (saved.Turns, saved.LastUpdateId));
        Assert.Equal(2, new Outbox(_db, new DataSeal(new byte[32])).All().Count);
    }

    [Fact]
    public async Task Inside_a_unit_the_record_is_read_as_saved()
    {
        await _store.CommitAsync(Turn(3, 1042));

        var read = await _db.WriteAsync(tx => _store.Find(tx, Lan));

        Assert.Equal((3, 1042L), (read!.Turns, read.LastUpdateId));
    }

    private static (ConversationRecord, List<OutboxMessage>) Turn(int turns, long update) =>
        (new ConversationRecord { Id = Lan.Key, Turns = turns, LastUpdateId = update, StateJson = "{}", UpdatedAt = Now },
        [OutboxMessage.Create($"reply:{Lan.Key}:{turns}:0", Lan, new OutgoingMessage("một"), Now),
            OutboxMessage.Create($"reply:{Lan.Key}:{turns}:1", Lan, new OutgoingMessage("hai"), Now)]);
}
