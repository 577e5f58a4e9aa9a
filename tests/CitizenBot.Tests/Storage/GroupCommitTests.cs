using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Storage;

/// <summary>The one write path: units queued from many callers commit together, each caller waits for its own group.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private readonly CitizenDatabase _db;

    public GroupCommitTests() => _db = TestDatabase.Open(_dir.Path);

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    public sealed class Item
    {
        public int Id { get; set; }

        public string Body { get; set; } = "";
    }

    private int Count() => _db.Collection<Item>("items").Count();

    [Fact]
    public async Task Concurrent_writers_share_group_commits_and_every_caller_sees_its_write_saved()
    {
        var before = _db.CommitCounts;
        await Task.WhenAll(Enumerable.Range(1, 400).Select(i => Task.Run(() =>
            _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = i, Body = new string('x', 300) })))));

        var after = _db.CommitCounts;
        Assert.Equal(400, Count());
        Assert.Equal(400, after.Units - before.Units);

        // Units queued while a group commits go together into the next one (one log flush each, not one per unit).
        Assert.True(after.Groups - before.Groups < 400, $"{after.Groups - before.Groups} groups for 400 units");
    }

    [Fact]
    public async Task A_unit_that_throws_fails_alone_and_the_rest_of_its_group_is_saved()
    {
        // Hold the writer with a slow first unit so the next three land in one group.
        using var release = new ManualResetEventSlim();
        var blocker = _db.WriteAsync(_ => release.Wait(TimeSpan.FromSeconds(10)));
        var first = _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 1 }));
        var bad = _db.WriteAsync<int>(tx =>
        {
            tx.GetCollection<Item>("items").Insert(new Item { Id = 2 });
            throw new InvalidOperationException("a unit's own fault");
        });
        var third = _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 3 }));
        release.Set();

        await blocker;
        await first;
        await third;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("a unit's own fault", error.Message);
        Assert.Equal([1, 3], _db.Collection<Item>("items").FindAll().Select(i => i.Id).Order());
    }

    [Fact]
    public async Task A_write_made_from_inside_a_unit_joins_its_transaction_instead_of_waiting_for_itself()
    {
        var id = await _db.WriteAsync(tx =>
        {
            tx.GetCollection<Item>("items").Insert(new Item { Id = 7 });

            // A service called inside a unit writes through the database again.
            return _db.Write(inner => inner.GetCollection<Item>("items").Insert(new Item { Id = 8 }));
        });

        Assert.Equal(8, id.AsInt32);
        Assert.Equal(2, Count());
    }

    [Fact]
    public async Task Inside_a_turn_computed_outside_the_writer_a_write_asks_for_the_turn_to_run_as_one_unit()
    {
        using (_db.BeginTurn())
        {
            Assert.Throws<TurnWritesException>(() => _db.Write(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 1 })));
            await Assert.ThrowsAsync<TurnWritesException>(() => _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 2 })));
            Assert.Equal(0, Count());
        }

        await _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 3 }));
        Assert.Equal(1, Count());
    }

    [Fact]
    public async Task A_write_waited_for_survives_the_process_reopening_the_folder()
    {
        await _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 5, Body = "saved" }));
        _db.Dispose();

        using var reopened = TestDatabase.Open(_dir.Path);
        Assert.Equal("saved", reopened.Collection<Item>("items").FindById(5).Body);
    }

    [Fact]
    public async Task Callers_continue_off_the_writer_thread()
    {
        await _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 9 }));
        Assert.False(_db.InWriter);
    }

    [Fact]
    public async Task A_collection_new_to_the_file_is_created_through_the_writer_once_and_an_existing_one_costs_no_unit()
    {
        // A new name: one creation unit, shared by every reader of that name.
        var before = _db.CommitCounts;
        Assert.Equal(0, Count());
        Assert.Equal(0, Count());
        Assert.Equal(1, _db.CommitCounts.Units - before.Units);
        await _db.WriteAsync(tx => tx.GetCollection<Item>("items").Insert(new Item { Id = 1 }));
        _db.Dispose();

        // Reopened: the names already in the file are known at open, so reading them queues nothing.
        using var reopened = TestDatabase.Open(_dir.Path);
        Assert.Equal(1, reopened.Collection<Item>("items").Count());
        Assert.Equal((0L, 0L), reopened.CommitCounts);

        // A name the file does not hold yet is still created through the writer before it is read.
        Assert.Equal(0, reopened.Collection<Item>("others").Count());
        Assert.Equal(1, reopened.CommitCounts.Units);
        Assert.Contains("others", reopened.Collection<LiteDB.BsonDocument>("$cols").FindAll().Select(c => c["name"].AsString));
    }
}
