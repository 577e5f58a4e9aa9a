using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using LiteDB;

namespace CitizenBot.Tests.Dossiers;

/// <summary>
/// <see cref="DossierBook.ChangedSince"/> (the ZNS applicant sweep's read, every minute) finds exactly the dossiers with a
/// history entry since a moment, through the ChangedAt index, including dossiers stored before that field existed.
/// </summary>
public sealed class DossierChangedSinceTests : IDisposable
{
    private static readonly DateTimeOffset Due = BotHarness.Start.AddDays(10);
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private DossierBook Book => _bot.Get<DossierBook>();

    private ILiteCollection<BsonDocument> Raw => _bot.Get<CitizenDatabase>().Collection<BsonDocument>(DossierBook.CollectionName);

    private List<string> ChangedSince(DateTimeOffset since) => [.. Book.ChangedSince(since).Select(d => d.Code).Order(StringComparer.Ordinal)];

    /// <summary>What the sweep read before the index: every dossier, kept when its latest history entry is recent enough.</summary>
    private List<string> ChangedSinceByFullScan(DateTimeOffset since) =>
        [.. _bot.Get<CitizenDatabase>().Collection<Dossier>(DossierBook.CollectionName).FindAll()
            .Where(d => d.History.Count > 0 && d.History[^1].At >= since).Select(d => d.Code).Order(StringComparer.Ordinal)];

    /// <summary>The dossier as stored, with one field changed, through the import's upsert (the one write path of dossiers).</summary>
    private void Change(string code, Action<Dossier> change)
    {
        var next = Book.Get(code)!;
        change(next);
        Book.Upsert([next], _bot.Clock.GetUtcNow());
    }

    /// <summary>Removes ChangedAt from the stored documents, as a version before it stored them.</summary>
    private void AsStoredBeforeChangedAt(params string[] codes) => _bot.Get<CitizenDatabase>().Write(tx =>
    {
        var col = tx.GetCollection(DossierBook.CollectionName);
        foreach (var code in codes)
        {
            var doc = col.FindById(code);
            doc.Remove(nameof(Dossier.ChangedAt));
            col.Update(doc);
        }
    });

    [Fact]
    public void A_status_change_a_due_date_change_and_a_new_dossier_are_found_and_a_change_without_history_is_not()
    {
        foreach (var code in new[] { "HS-2411-0001", "HS-2411-0002", "HS-2411-0003" })
        {
            _bot.SeedDossier(code, DossierStatus.Received, Due);
        }

        _bot.Clock.Advance(TimeSpan.FromDays(4));
        var since = _bot.Clock.GetUtcNow() - TimeSpan.FromHours(1);
        Change("HS-2411-0001", d => d.Status = DossierStatus.InProgress);
        Change("HS-2411-0002", d => d.DueAt = Due.AddDays(5));
        Change("HS-2411-0003", d => d.Procedure = "Đăng ký khai tử");
        _bot.SeedDossier("HS-2411-0004", DossierStatus.Received, Due);

        Assert.Equal(["HS-2411-0001", "HS-2411-0002", "HS-2411-0004"], ChangedSince(since));
        Assert.Equal(ChangedSinceByFullScan(since), ChangedSince(since));
        Assert.Equal(DossierChangeKind.DueDateChanged, Book.Get("HS-2411-0002")!.History[^1].Kind);
        Assert.Equal(_bot.Clock.GetUtcNow(), Book.Get("HS-2411-0002")!.ChangedAt);
        Assert.Equal(BotHarness.Start, Book.Get("HS-2411-0003")!.ChangedAt);
        Assert.Equal(["HS-2411-0001", "HS-2411-0002", "HS-2411-0003", "HS-2411-0004"], ChangedSince(BotHarness.Start));
        Assert.Empty(ChangedSince(_bot.Clock.GetUtcNow().AddTicks(TimeSpan.TicksPerMillisecond)));
    }

    [Fact]
    public void Dossiers_stored_before_ChangedAt_existed_get_it_from_their_latest_history_entry_at_start_and_are_found()
    {
        _bot.SeedDossier("HS-2411-0001", DossierStatus.Received, Due);
        _bot.SeedDossier("HS-2411-0002", DossierStatus.Received, Due);
        _bot.Clock.Advance(TimeSpan.FromDays(2));
        Change("HS-2411-0001", d => d.Status = DossierStatus.AwaitingSupplement);
        var changed = _bot.Clock.GetUtcNow();
        _bot.Get<CitizenDatabase>().Write(tx => tx.GetCollection(DossierBook.CollectionName).Insert(new BsonDocument
        {
            ["_id"] = "HS-2411-0003", ["LookupKey"] = "HS24110003", ["Status"] = nameof(DossierStatus.Received), ["History"] = new BsonArray(),
        }));
        AsStoredBeforeChangedAt("HS-2411-0001", "HS-2411-0002");
        Assert.Empty(ChangedSince(BotHarness.Start));

        _bot.Restart();

        Assert.Equal(changed, Book.Get("HS-2411-0001")!.ChangedAt);
        Assert.Equal(BotHarness.Start, Book.Get("HS-2411-0002")!.ChangedAt);
        Assert.Null(Book.Get("HS-2411-0003")!.ChangedAt);
        Assert.Equal(["HS-2411-0001"], ChangedSince(changed));
        Assert.Equal(["HS-2411-0001", "HS-2411-0002"], ChangedSince(BotHarness.Start));
        Assert.Equal(ChangedSinceByFullScan(BotHarness.Start), ChangedSince(BotHarness.Start));

        // A backfilled dossier moves on like any other, and a second start changes nothing.
        _bot.Clock.Advance(TimeSpan.FromDays(1));
        Change("HS-2411-0002", d => d.DueAt = Due.AddDays(3));
        _bot.Restart();
        Assert.Equal(["HS-2411-0002"], ChangedSince(_bot.Clock.GetUtcNow()));
        Assert.Equal(changed, Book.Get("HS-2411-0001")!.ChangedAt);
    }

    [Fact]
    public void The_sweeps_read_is_a_seek_on_the_ChangedAt_index_not_a_scan_of_the_collection()
    {
        for (var i = 1; i <= 20; i++)
        {
            _bot.SeedDossier($"HS-2411-{i:0000}", DossierStatus.Received, Due);
        }

        var plan = Book.ChangedSinceQuery(BotHarness.Start).GetPlan();

        Assert.Equal(DossierBook.CollectionName, plan["collection"].AsString);
        Assert.Equal(nameof(Dossier.ChangedAt), plan["index"]["name"].AsString);
        Assert.StartsWith("INDEX SCAN(ChangedAt >=", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.False(plan.ContainsKey("filters"), plan.ToString());

        // The index is on the stored documents too, as LiteDB lists it.
        var indexes = _bot.Get<CitizenDatabase>().Collection<BsonDocument>("$indexes").Find(Query.EQ("collection", DossierBook.CollectionName));
        Assert.Contains(indexes, i => i["name"].AsString == nameof(Dossier.ChangedAt) && i["expression"].AsString == "$.ChangedAt");
    }
}
