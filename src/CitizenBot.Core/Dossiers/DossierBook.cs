using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Dossiers;

public enum DossierLookup
{
    Found,
    NotFound,

    /// <summary>Digits without the code's letters: never searched, so a run of numbers cannot list dossiers.</summary>
    PartialCode,
}

/// <summary>The dossiers collection: lookups by code and the import's upsert with history.</summary>
public sealed class DossierBook
{
    public const string CollectionName = "dossiers";
    private readonly CitizenDatabase _db;

    public DossierBook(CitizenDatabase db)
    {
        _db = db;
        db.EnsureIndexes<Dossier>(CollectionName, col =>
        {
            col.EnsureIndex(d => d.LookupKey, unique: true);
            col.EnsureIndex(d => d.NumberKey);
            col.EnsureIndex(d => d.ReceivedAt);
            col.EnsureIndex(d => d.Status);
            col.EnsureIndex(d => d.ResolvedAt);
            col.EnsureIndex(d => d.ChangedAt);
        });
        BackfillChangedAt();
    }

    /// <summary>How many dossiers one write of the start-up backfill gives their <see cref="Dossier.ChangedAt"/>.</summary>
    private const int BackfillBatch = 500;

    /// <summary>
    /// Dossiers stored before <see cref="Dossier.ChangedAt"/> existed get it once, from their latest history entry. They are
    /// found through its index (a missing field is indexed as null), so later starts read only dossiers without history.
    /// </summary>
    private void BackfillChangedAt()
    {
        var missing = _db.Collection<BsonDocument>(CollectionName).Query().Where(Query.EQ(nameof(Dossier.ChangedAt), BsonValue.Null))
            .Select("$._id").ToEnumerable().Select(d => d["_id"].AsString).ToList();
        foreach (var batch in missing.Chunk(BackfillBatch))
        {
            _db.Write(tx =>
            {
                var col = tx.GetCollection<Dossier>(CollectionName);
                foreach (var code in batch)
                {
                    if (col.FindById(code) is { ChangedAt: null, History.Count: > 0 } dossier)
                    {
                        dossier.ChangedAt = dossier.History[^1].At;
                        col.Update(dossier);
                    }
                }
            });
        }
    }

    public Dossier? Get(string code) => _db.Collection<Dossier>(CollectionName).FindById(DossierCode.Canonical(code));

    /// <summary>The dossiers with a history entry at or after <paramref name="since"/> (the Zalo channel's ZNS sweep), read through the ChangedAt index.</summary>
    public List<Dossier> ChangedSince(DateTimeOffset since) => [.. ChangedSinceQuery(since).ToEnumerable()];

    /// <summary>The query <see cref="ChangedSince"/> runs (its plan shows the index it uses).</summary>
    public ILiteQueryableResult<Dossier> ChangedSinceQuery(DateTimeOffset since) =>
        _db.Collection<Dossier>(CollectionName).Query().Where(Query.GTE(nameof(Dossier.ChangedAt), since.UtcDateTime));

    /// <summary>
    /// Finds a dossier from what a citizen typed: only the whole code (any case, spaces or dashes) finds one. A code
    /// typed without its letters is not searched by its number part, which would let "0001", "0002"… walk the dossiers.
    /// </summary>
    public (DossierLookup Result, Dossier? Dossier) Find(string input)
    {
        var key = DossierCode.Key(input);
        var exact = key.Length == 0 ? null : _db.Collection<Dossier>(CollectionName).FindOne(Filter.Eq(nameof(Dossier.LookupKey), key));
        if (exact is not null)
        {
            return (DossierLookup.Found, exact);
        }

        return key.Length > 0 && !char.IsAsciiLetter(key[0]) ? (DossierLookup.PartialCode, null) : (DossierLookup.NotFound, null);
    }

    public int Count() => _db.Collection<Dossier>(CollectionName).Count();

    /// <summary>Creates or updates dossiers in one transaction, recording every status and due-date change.</summary>
    public UpsertCounts Upsert(IReadOnlyList<Dossier> incoming, DateTimeOffset now) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Dossier>(CollectionName);
        var counts = new UpsertCounts();
        foreach (var next in incoming)
        {
            var existing = col.FindById(next.Code);
            if (existing is null)
            {
                next.History = [];
                AddChange(next, new DossierChange { Seq = 1, Kind = DossierChangeKind.Received, Status = next.Status, DueAt = next.DueAt, At = now });
                col.Insert(next);
                counts.Created++;
                continue;
            }

            var changed = ApplyUpdate(existing, next, now);
            if (changed)
            {
                col.Update(existing);
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        return counts;
    });

    /// <summary>What updating <paramref name="existing"/> to <paramref name="next"/> would change, in words; the applicant's name and phone only as "đã đổi".</summary>
    public static List<string> Differences(Dossier existing, Dossier next, Commune.CommuneClock clock)
    {
        string Day(DateTimeOffset at) => clock.LocalDate(at).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var changes = new List<string>();
        if (existing.Status != next.Status)
        {
            changes.Add($"Trạng thái: {DossierStatusWords.InWords(existing.Status)} → {DossierStatusWords.InWords(next.Status)}");
        }

        if (existing.DueAt != next.DueAt)
        {
            changes.Add($"Ngày hẹn trả: {Day(existing.DueAt)} → {Day(next.DueAt)}");
        }

        if (existing.ResolvedAt != next.ResolvedAt)
        {
            changes.Add($"Ngày trả kết quả: {(existing.ResolvedAt is { } a ? Day(a) : "—")} → {(next.ResolvedAt is { } b ? Day(b) : "—")}");
        }

        if (existing.ReceivedAt != next.ReceivedAt)
        {
            changes.Add($"Ngày tiếp nhận: {Day(existing.ReceivedAt)} → {Day(next.ReceivedAt)}");
        }

        if (existing.Procedure != next.Procedure)
        {
            changes.Add("Tên thủ tục: đã đổi");
        }

        if (existing.Field != next.Field)
        {
            changes.Add("Lĩnh vực: đã đổi");
        }

        if (existing.Channel != next.Channel)
        {
            changes.Add($"Hình thức nộp: {DossierStatusWords.InWords(existing.Channel)} → {DossierStatusWords.InWords(next.Channel)}");
        }

        if (existing.Applicant != next.Applicant || existing.Phone != next.Phone)
        {
            changes.Add("Người nộp / số điện thoại: đã đổi");
        }

        return changes;
    }

    /// <summary>The one place a history entry is added: <see cref="Dossier.ChangedAt"/> moves with it.</summary>
    private static void AddChange(Dossier dossier, DossierChange change)
    {
        dossier.History.Add(change);
        dossier.ChangedAt = change.At;
    }

    private static bool ApplyUpdate(Dossier existing, Dossier next, DateTimeOffset now)
    {
        var changed = false;
        if (existing.Status != next.Status)
        {
            AddChange(existing, new DossierChange { Seq = existing.LastSeq + 1, Kind = DossierChangeKind.StatusChanged, Status = next.Status, DueAt = next.DueAt, At = now });
            existing.Status = next.Status;
            changed = true;
        }

        if (existing.DueAt != next.DueAt)
        {
            AddChange(existing, new DossierChange { Seq = existing.LastSeq + 1, Kind = DossierChangeKind.DueDateChanged, Status = next.Status, DueAt = next.DueAt, At = now });
            existing.DueAt = next.DueAt;
            changed = true;
        }

        if (existing.Procedure != next.Procedure || existing.Field != next.Field || existing.Applicant != next.Applicant
            || existing.Phone != next.Phone || existing.Channel != next.Channel || existing.ReceivedAt != next.ReceivedAt
            || existing.ResolvedAt != next.ResolvedAt)
        {
            (existing.Procedure, existing.Field, existing.Applicant, existing.Phone) = (next.Procedure, next.Field, next.Applicant, next.Phone);
            (existing.Channel, existing.ReceivedAt, existing.ResolvedAt) = (next.Channel, next.ReceivedAt, next.ResolvedAt);
            changed = true;
        }

        return changed;
    }
}

public sealed class UpsertCounts
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }
}
