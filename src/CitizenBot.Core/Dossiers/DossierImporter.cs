using System.Globalization;
using CitizenBot.Core.Commune;
using CsvHelper;

namespace CitizenBot.Core.Dossiers;

public sealed record ImportError(int Line, string Reason);

public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public int Imported => Created + Updated + Unchanged;
}

/// <summary>
/// Reads the one-stop desk's CSV export (header
/// <c>code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at</c>, ISO dates in
/// commune time). A bad row is reported with its line number; the good rows are still imported.
/// </summary>
public sealed class DossierImporter(DossierStore store, CommuneClock clock)
{
    public static readonly string[] Header = ["code", "procedure", "field", "applicant", "phone", "channel", "received_at", "due_at", "status", "resolved_at"];
    private const int BatchSize = 500;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public ImportReport Import(TextReader reader)
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
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var (dossier, error) = ParseRow(csv);
            if (error is not null)
            {
                errors.Add(new ImportError(line, error));
                continue;
            }

            if (!seen.Add(dossier!.Code))
            {
                errors.Add(new ImportError(line, $"Mã hồ sơ {dossier.Code} lặp lại trong tệp; dòng này bị bỏ qua."));
                continue;
            }

            batch.Add(dossier);
            if (batch.Count >= BatchSize)
            {
                Flush(batch, total);
            }
        }

        Flush(batch, total);
        return new ImportReport(total.Created, total.Updated, total.Unchanged, errors);
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
            return (null, $"Mã hồ sơ \"{Field("code")}\" không hợp lệ (ví dụ đúng: {DossierCode.Example}).");
        }

        var procedure = Field("procedure");
        if (procedure.Length == 0)
        {
            return (null, "Thiếu tên thủ tục (procedure).");
        }

        if (!DossierStatusWords.TryParseChannel(Field("channel"), out var channel))
        {
            return (null, $"Kênh tiếp nhận \"{Field("channel")}\" không hợp lệ; dùng một trong: {string.Join(", ", DossierStatusWords.ChannelNames)}.");
        }

        if (!DossierStatusWords.TryParseStatus(Field("status"), out var status))
        {
            return (null, $"Trạng thái \"{Field("status")}\" không hợp lệ; dùng một trong: {string.Join(", ", DossierStatusWords.StatusNames)}.");
        }

        if (!TryParseDate(Field("received_at"), out var receivedAt))
        {
            return (null, $"Ngày tiếp nhận (received_at) \"{Field("received_at")}\" không đúng dạng yyyy-MM-dd.");
        }

        if (!TryParseDate(Field("due_at"), out var dueAt))
        {
            return (null, $"Hạn trả kết quả (due_at) \"{Field("due_at")}\" không đúng dạng yyyy-MM-dd.");
        }

        DateTimeOffset? resolvedAt = null;
        var resolvedText = Field("resolved_at");
        if (resolvedText.Length > 0)
        {
            if (!TryParseDate(resolvedText, out var resolved))
            {
                return (null, $"Ngày trả kết quả (resolved_at) \"{resolvedText}\" không đúng dạng yyyy-MM-dd.");
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
