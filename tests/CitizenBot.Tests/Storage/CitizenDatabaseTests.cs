using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using LiteDB;

namespace CitizenBot.Tests.Storage;

public sealed class CitizenDatabaseTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class Note
    {
        public ObjectId Id { get; set; } = ObjectId.NewObjectId();

        public int Thread { get; set; }

        public int Number { get; set; }

        public string Body { get; set; } = "";

        public DateTimeOffset At { get; set; }
    }

    [Fact]
    public async Task Many_threads_writing_to_several_collections_at_once_leave_a_sound_file()
    {
        const int threads = 16;
        const int perThread = 150;
        using (var db = TestDatabase.Open(_dir.Path))
        {
            await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    var collection = $"notes{(t + i) % 4}";
                    var note = new Note { Thread = t, Number = i, Body = new string('x', 200 + (i % 7) * 300), At = DateTimeOffset.UtcNow };
                    if (i % 10 == 0)
                    {
                        db.WriteTransaction(tx => tx.GetCollection<Note>(collection).Insert(note));
                    }
                    else
                    {
                        db.Write(tx => tx.GetCollection<Note>(collection).Insert(note));
                    }

                    if (i % 25 == 0)
                    {
                        var previous = $"notes{(t + i - 1) % 4}";
                        db.Write(tx => tx.GetCollection<Note>(previous).DeleteMany(n => n.Thread == t && n.Number == i - 1));
                    }
                }
            })));
            db.Checkpoint();
        }

        using var reopened = TestDatabase.Open(_dir.Path);
        var all = Enumerable.Range(0, 4).SelectMany(c => reopened.Collection<Note>($"notes{c}").FindAll()).ToList();
        var deleted = threads * Enumerable.Range(0, perThread).Count(i => i % 25 == 0 && i > 0);
        Assert.Equal(threads * perThread - deleted, all.Count);
        Assert.Equal(all.Count, all.Select(n => (n.Thread, n.Number)).Distinct().Count());

        // The free-page list is exercised again after reopening: new writes must still land.
        reopened.Write(tx => tx.GetCollection<Note>("notes0").Insert(new Note { Body = new string('y', 5000) }));
        Assert.Equal(1, reopened.Collection<Note>("notes0").Count(n => n.Body.StartsWith("yyy")));
    }

    [Fact]
    public void A_second_open_of_the_same_data_folder_is_refused_with_a_clear_message()
    {
        using var first = TestDatabase.Open(_dir.Path);

        var ex = Assert.Throws<DataFolderInUseException>(() => TestDatabase.Open(_dir.Path));

        Assert.Contains("already used by another CitizenBot process", ex.Message, StringComparison.Ordinal);
        Assert.True(CitizenDatabase.IsInUse(_dir.Path));
    }

    [Fact]
    public void The_folder_is_free_again_after_dispose()
    {
        TestDatabase.Open(_dir.Path).Dispose();

        Assert.False(CitizenDatabase.IsInUse(_dir.Path));
    }

    [Fact]
    public void Instants_come_back_unchanged_in_UTC()
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.FromHours(7));
        using (var db = TestDatabase.Open(_dir.Path))
        {
            db.Write(tx => tx.GetCollection<Note>("notes").Insert(new Note { At = at }));
        }

        using var reopened = TestDatabase.Open(_dir.Path);
        var read = reopened.Collection<Note>("notes").FindAll().Single().At;
        Assert.Equal(at, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public void A_failed_transaction_writes_nothing()
    {
        using var db = TestDatabase.Open(_dir.Path);

        Assert.Throws<InvalidOperationException>(() => db.WriteTransaction(tx =>
        {
            tx.GetCollection<Note>("notes").Insert(new Note());
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(0, db.Collection<Note>("notes").Count());
    }
}
