using CitizenBot.Core.Commune;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Dossiers;

public enum DossierImportState
{
    Running,
    Completed,
    Failed,

    /// <summary>Found still running at start-up: the process stopped in the middle; uploading the file again finishes it.</summary>
    Interrupted,
}

/// <summary>One import of a dossier file: who, what file, how far it got, and how it ended.</summary>
public sealed class DossierImport
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>SHA-256 of the file, so uploading the same file again is recognised as finishing an interrupted import.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>Who started it: an officer's user key, the shared officer actor, or "cli".</summary>
    public string By { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Rows read and committed so far (good and bad).</summary>
    public int RowsDone { get; set; }

    public DossierImportState State { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Errors { get; set; }

    /// <summary>For an interrupted import: the later import of the same file that finished it.</summary>
    public long? FinishedByImportId { get; set; }
}

/// <summary>
/// The record of dossier imports. Imports upsert by dossier code, so an import cut short (a crash, a kill) is
/// finished by importing the same file again; until then officers are shown it as interrupted.
/// </summary>
public sealed class ImportBook
{
    public const string CollectionName = "dossier_imports";
    private readonly CitizenDatabase _db;
    private readonly CommuneClock _clock;

    public ImportBook(CitizenDatabase db, CommuneClock clock)
    {
        _db = db;
        _clock = clock;
        db.EnsureIndexes<DossierImport>(CollectionName, imports => imports.EnsureIndex(i => i.State));
    }

    public DossierImport Start(string fileName, string contentHash, string by) => _db.Write(tx =>
    {
        var import = new DossierImport
        {
            FileName = fileName, ContentHash = contentHash, By = by, StartedAt = _clock.UtcNow, State = DossierImportState.Running,
        };
        tx.GetCollection<DossierImport>(CollectionName).Insert(import);
        // Who imported what is in the audit log too, with the officers' other actions (the file's name only, never its rows).
        Roles.AuditLog.Add(tx, import.StartedAt, by, "dossier.import", $"#{import.Id} {fileName}");
        return import;
    });

    public void Progress(long id, int rowsDone) => _db.Write(tx =>
    {
        var col = tx.GetCollection<DossierImport>(CollectionName);
        if (col.FindById(id) is { } import)
        {
            import.RowsDone = rowsDone;
            col.Update(import);
        }
    });

    /// <summary>Ends an import; a completed one also finishes the interrupted imports of the same file (by content or by name).</summary>
    public void Finish(long id, DossierImportState state, int rowsDone, ImportReport? report) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<DossierImport>(CollectionName);
        if (col.FindById(id) is not { } import)
        {
            return false;
        }

        import.State = state;
        import.RowsDone = rowsDone;
        import.FinishedAt = _clock.UtcNow;
        if (report is not null)
        {
            (import.Created, import.Updated, import.Unchanged, import.Errors) = (report.Created, report.Updated, report.Unchanged, report.ErrorCount);
        }

        col.Update(import);
        if (state == DossierImportState.Completed)
        {
            foreach (var earlier in col.Find(i => i.State == DossierImportState.Interrupted && i.FinishedByImportId == null).ToList()
                .Where(i => i.ContentHash == import.ContentHash || string.Equals(i.FileName, import.FileName, StringComparison.OrdinalIgnoreCase)))
            {
                earlier.FinishedByImportId = import.Id;
                col.Update(earlier);
            }
        }

        return true;
    });

    /// <summary>At start-up: imports still marked running were cut short by the stop; returns how many.</summary>
    public int MarkInterrupted() => _db.UpdateMany<DossierImport>(CollectionName, i => i.State == DossierImportState.Running, i => i.State = DossierImportState.Interrupted);

    /// <summary>Interrupted imports not finished since, newest first: what officers are asked to upload again.</summary>
    public List<DossierImport> Unfinished() =>
        [.. _db.Collection<DossierImport>(CollectionName).Find(i => i.State == DossierImportState.Interrupted && i.FinishedByImportId == null).OrderByDescending(i => i.Id)];

    public List<DossierImport> Latest(int count) =>
        [.. _db.Collection<DossierImport>(CollectionName).Query().OrderByDescending(i => i.Id).Limit(count).ToEnumerable()];
}
