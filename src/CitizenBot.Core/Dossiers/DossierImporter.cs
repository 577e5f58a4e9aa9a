using System.Globalization;
using System.Security.Cryptography;
using CitizenBot.Core.Commune;

namespace CitizenBot.Core.Dossiers;

public sealed record ImportError(int Line, string Reason);

/// <summary>
/// What an import did. <see cref="Errors"/> lists the first <see cref="DossierImporter.MaxReportedErrors"/> bad rows and
/// <see cref="ErrorCount"/> counts them all; <see cref="Rejected"/> says why a file was refused whole (nothing imported).
/// </summary>
public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public int Imported => Created + Updated + Unchanged;

    public int ErrorCount { get; init; } = Errors.Count;

    public string? Rejected { get; init; }
}

/// <summary>
/// Imports the one-stop desk's export, CSV or XLSX, in any of the forms <see cref="DossierFile"/> reads (the English
/// header <c>code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at</c> with ISO dates, or the
/// Vietnamese headers with dd/MM/yyyy dates). A bad row is reported with its line number; the good rows are still imported.
/// Rows are upserted by dossier code, so importing the same file twice changes nothing the second time, and finishes an
/// import cut short. <see cref="Preview"/> says what a file would change without changing anything.
/// </summary>
public sealed class DossierImporter(DossierBook store, CommuneClock clock, ImportBook? imports = null)
{
    public static readonly string[] Header = ["code", "procedure", "field", "applicant", "phone", "channel", "received_at", "due_at", "status", "resolved_at"];
    public const int MaxReportedErrors = 100;
    private const int BatchSize = 500;

    /// <summary>
    /// Imports an uploaded file and records the import (who, file, rows done, state) so one cut short is shown to
    /// officers. A CSV must be UTF-8 (with or without BOM): invalid bytes refuse the whole file, naming the line.
    /// </summary>
    public ImportReport ImportFile(byte[] content, string fileName, string by)
    {
        var record = imports?.Start(fileName, Convert.ToHexString(SHA256.HashData(content)), by);
        var rows = 0;
        try
        {
            var file = DossierFile.Read(content, clock);
            if (file.Rejected is { } rejected)
            {
                if (record is not null)
                {
                    imports!.Finish(record.Id, DossierImportState.Failed, 0, null);
                }

                return new ImportReport(0, 0, 0, file.Errors) { Rejected = rejected, ErrorCount = file.ErrorCount };
            }

            var report = Apply(file, done =>
            {
                rows = done;
                if (record is not null)
                {
                    imports!.Progress(record.Id, done);
                }
            });
            if (record is not null)
            {
                imports!.Finish(record.Id, DossierImportState.Completed, file.RowsRead, report);
            }

            return report;
        }
        catch when (record is not null)
        {
            imports!.Finish(record.Id, DossierImportState.Failed, rows, null);
            throw;
        }
    }

    public static string InvalidUtf8(int line) => DossierFile.InvalidUtf8(line);

    public ImportReport Import(TextReader reader)
    {
        var file = DossierFile.ReadText(reader.ReadToEnd(), clock);
        return file.Rejected is not null
            ? new ImportReport(0, 0, 0, file.Errors) { ErrorCount = file.ErrorCount }
            : Apply(file, null);
    }

    /// <summary>What importing <paramref name="content"/> would do now: nothing is written.</summary>
    public ImportPreview Preview(byte[] content)
    {
        var file = DossierFile.Read(content, clock);
        var preview = new ImportPreview { Format = file.Format, Rejected = file.Rejected, ErrorCount = file.ErrorCount, Errors = file.Errors };
        foreach (var row in file.Rows)
        {
            var existing = store.Get(row.Dossier.Code);
            if (existing is null)
            {
                preview.Created.Add(row);
                continue;
            }

            var changes = DossierBook.Differences(existing, row.Dossier, clock);
            if (changes.Count == 0)
            {
                preview.Unchanged++;
            }
            else
            {
                preview.Updated.Add(new PreviewUpdate(row.Line, row.Dossier.Code, changes));
            }
        }

        return preview;
    }

    private ImportReport Apply(DossierFileContent file, Action<int>? progress)
    {
        var total = new UpsertCounts();
        var batch = new List<Dossier>();
        var done = 0;
        foreach (var row in file.Rows)
        {
            batch.Add(row.Dossier);
            done++;
            if (batch.Count >= BatchSize)
            {
                Flush(batch, total);
                progress?.Invoke(done);
            }
        }

        Flush(batch, total);
        progress?.Invoke(file.RowsRead);
        return new ImportReport(total.Created, total.Updated, total.Unchanged, file.Errors) { ErrorCount = file.ErrorCount };
    }

    private void Flush(List<Dossier> batch, UpsertCounts total)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var counts = store.Upsert(batch, clock.UtcNow);
        total.Created += counts.Created;
        total.Updated += counts.Updated;
        total.Unchanged += counts.Unchanged;
        batch.Clear();
    }
}

/// <summary>One dossier a file would change: its line, code, and each change in words ("Trạng thái: Đang xử lý → Đã có kết quả").</summary>
public sealed record PreviewUpdate(int Line, string Code, IReadOnlyList<string> Changes);

/// <summary>What a file would do if imported now.</summary>
public sealed class ImportPreview
{
    public List<DossierRow> Created { get; } = [];

    public List<PreviewUpdate> Updated { get; } = [];

    public int Unchanged { get; set; }

    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    public int ErrorCount { get; init; }

    public string? Rejected { get; init; }

    public string Format { get; init; } = "CSV";

    public bool ChangesAnything => Rejected is null && (Created.Count > 0 || Updated.Count > 0);
}
