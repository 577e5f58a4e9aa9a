using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CitizenBot.Core.Commune;
using CsvHelper;

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
/// Reads the one-stop desk's CSV export (header
/// <c>code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at</c>, ISO dates in
/// commune time). A bad row is reported with its line number; the good rows are still imported. Rows are upserted by
/// dossier code, so importing the same file twice changes nothing the second time, and finishes an import cut short.
/// </summary>
public sealed class DossierImporter(DossierBook store, CommuneClock clock, ImportBook? imports = null)
{
    public static readonly string[] Header = ["code", "procedure", "field", "applicant", "phone", "channel", "received_at", "due_at", "status", "resolved_at"];
    public const int MaxReportedErrors = 100;
    private const int BatchSize = 500;
    private const int MaxQuotedLength = 40;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Imports an uploaded file and records the import (who, file, rows done, state) so one cut short is shown to
    /// officers. The file must be UTF-8 (with or without BOM): invalid bytes refuse the whole file, naming the line.
    /// </summary>
    public ImportReport ImportFile(byte[] content, string fileName, string by)
    {
        var record = imports?.Start(fileName, Convert.ToHexString(SHA256.HashData(content)), by);
        var rows = 0;
        try
        {
            var bom = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            string text;
            try
            {
                text = StrictUtf8.GetString(content, bom, content.Length - bom);
            }
            catch (DecoderFallbackException ex)
            {
                var at = Math.Clamp(ex.Index, 0, content.Length - bom);
                var line = 1 + content.AsSpan(bom, at).Count((byte)'\n');
                if (record is not null)
                {
                    imports!.Finish(record.Id, DossierImportState.Failed, 0, null);
                }

                return new ImportReport(0, 0, 0, [new ImportError(line, InvalidUtf8(line))]) { Rejected = InvalidUtf8(line) };
            }

            var report = Import(new StringReader(text), done =>
            {
                rows = done;
                if (record is not null)
                {
                    imports!.Progress(record.Id, done);
                }
            });
            if (record is not null)
            {
                imports!.Finish(record.Id, DossierImportState.Completed, rows, report);
            }

            return report;
        }
        catch when (record is not null)
        {
            imports!.Finish(record.Id, DossierImportState.Failed, rows, null);
            throw;
        }
    }

    public static string InvalidUtf8(int line) =>
        $"Tệp không phải văn bản UTF-8 hợp lệ (lỗi mã hóa ở dòng {line}); chưa nhập dòng nào. Xin lưu lại tệp dưới dạng \"CSV UTF-8\" rồi nhập lại.";

    public ImportReport Import(TextReader reader) => Import(reader, null);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private ImportReport Import(TextReader reader, Action<int>? progress)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var csv = CsvReader.Create(reader, options, false);
        var errors = new List<ImportError>();
        try
        {
            csv.ReadHeader();
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException)
        {
            return new ImportReport(0, 0, 0, [new ImportError(1, "Tệp trống hoặc hỏng: không đọc được dòng tiêu đề.")]);
        }

        var missing = Header.Where(h => !csv.Headers.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return new ImportReport(0, 0, 0, [new ImportError(1, $"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}.")]);
        }

        var batch = new List<Dossier>();
        var seen = new HashSet<string>();
        var total = new UpsertCounts();
        var errorCount = 0;
        var rows = 0;
        void Error(int line, string reason)
        {
            // The report stays small whatever the file: the first errors, then only a count.
            if (++errorCount <= MaxReportedErrors)
            {
                errors.Add(new ImportError(line, reason));
            }
        }

        while (csv.Read())
        {
            rows++;
            var line = (int)csv.LineNumber;
            var (dossier, error) = ParseRow(csv);
            if (error is not null)
            {
                Error(line, error);
                continue;
            }

            if (!seen.Add(dossier!.Code))
            {
                Error(line, $"Mã hồ sơ {dossier.Code} lặp lại trong tệp; dòng này bị bỏ qua.");
                continue;
            }

            batch.Add(dossier);
            if (batch.Count >= BatchSize)
            {
                Flush(batch, total);
                progress?.Invoke(rows);
            }
        }

        Flush(batch, total);
        progress?.Invoke(rows);
        return new ImportReport(total.Created, total.Updated, total.Unchanged, errors) { ErrorCount = errorCount };
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

    private (Dossier? Dossier, string? Error) ParseRow(CsvReader csv)
    {
        string Field(string name) => csv.TryGetFieldIndex(name, out var index) && index < csv.FieldCount ? csv.GetString(index).Trim() : "";

        var code = DossierCode.Canonical(Field("code"));
        if (!DossierCode.IsWellFormed(code))
        {
            return (null, $"Mã hồ sơ \"{Quote(Field("code"))}\" không hợp lệ (ví dụ đúng: {DossierCode.Example}).");
        }

        var procedure = Field("procedure");
        if (procedure.Length == 0)
        {
            return (null, "Thiếu tên thủ tục (procedure).");
        }

        if (!DossierStatusWords.TryParseChannel(Field("channel"), out var channel))
        {
            return (null, $"Kênh tiếp nhận \"{Quote(Field("channel"))}\" không hợp lệ; dùng một trong: {string.Join(", ", DossierStatusWords.ChannelNames)}.");
        }

        if (!DossierStatusWords.TryParseStatus(Field("status"), out var status))
        {
            return (null, $"Trạng thái \"{Quote(Field("status"))}\" không hợp lệ; dùng một trong: {string.Join(", ", DossierStatusWords.StatusNames)}.");
        }

        if (!TryParseDate(Field("received_at"), out var receivedAt))
        {
            return (null, $"Ngày tiếp nhận (received_at) \"{Quote(Field("received_at"))}\" không đúng dạng yyyy-MM-dd.");
        }

        if (!TryParseDate(Field("due_at"), out var dueAt))
        {
            return (null, $"Hạn trả kết quả (due_at) \"{Quote(Field("due_at"))}\" không đúng dạng yyyy-MM-dd.");
        }

        DateTimeOffset? resolvedAt = null;
        var resolvedText = Field("resolved_at");
        if (resolvedText.Length > 0)
        {
            if (!TryParseDate(resolvedText, out var resolved))
            {
                return (null, $"Ngày trả kết quả (resolved_at) \"{Quote(resolvedText)}\" không đúng dạng yyyy-MM-dd.");
            }

            resolvedAt = resolved;
        }

        if (status == DossierStatus.Resolved && resolvedAt is null)
        {
            return (null, "Hồ sơ đã có kết quả (resolved) nhưng thiếu ngày trả kết quả (resolved_at).");
        }

        if (dueAt < receivedAt)
        {
            return (null, "Hạn trả kết quả (due_at) sớm hơn ngày tiếp nhận (received_at).");
        }

        var key = DossierCode.Key(code);
        return (new Dossier
        {
            Code = code,
            LookupKey = key,
            NumberKey = DossierCode.NumberKey(key),
            Procedure = procedure,
            Field = Field("field"),
            Applicant = Field("applicant"),
            Phone = Field("phone"),
            Channel = channel,
            ReceivedAt = receivedAt,
            DueAt = dueAt,
            Status = status,
            ResolvedAt = resolvedAt,
        }, null);
    }

    /// <summary>A cell quoted in an error, cut short: a garbage file must not make a report bigger than itself.</summary>
    private static string Quote(string value) => value.Length <= MaxQuotedLength ? value : value[..MaxQuotedLength] + "…";

    private bool TryParseDate(string text, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // Dates are the commune's wall-clock dates; a dossier is overdue only once its due day has passed.
            instant = clock.FromLocal(local);
            return true;
        }

        instant = default;
        return false;
    }
}
