using System.Globalization;
using System.Text;
using CitizenBot.Core.Commune;
using CsvHelper;
using MiniExcelLibs;

namespace CitizenBot.Core.Dossiers;

/// <summary>A good row of a dossier file: its line (row) number and the dossier it describes.</summary>
public sealed record DossierRow(int Line, Dossier Dossier);

/// <summary>A dossier file read whole: the good rows, the bad ones (the first <see cref="DossierImporter.MaxReportedErrors"/>, and a count), or why it was refused.</summary>
public sealed class DossierFileContent
{
    public List<DossierRow> Rows { get; } = [];

    public List<ImportError> Errors { get; } = [];

    public int ErrorCount { get; set; }

    public int RowsRead { get; set; }

    /// <summary>Set when the whole file is refused (not UTF-8, no header, a column missing): nothing is imported.</summary>
    public string? Rejected { get; set; }

    /// <summary>"CSV" or "XLSX".</summary>
    public string Format { get; set; } = "CSV";

    internal void Error(int line, string reason)
    {
        // The report stays small whatever the file: the first errors, then only a count.
        if (++ErrorCount <= DossierImporter.MaxReportedErrors)
        {
            Errors.Add(new ImportError(line, reason));
        }
    }
}

/// <summary>
/// Reads the files a one-stop desk exports, CSV or XLSX alike (told apart by their first bytes): the English header
/// (<c>code,procedure,…</c>, ISO dates) that scripts use, or the Vietnamese headers of the desk's software ("Mã hồ sơ",
/// "Ngày hẹn trả" …, with or without diacritics, any case), found in the first rows after a title; separators ";", ","
/// or tab (whichever the header uses); dates dd/MM/yyyy (with or without HH:mm) or yyyy-MM-dd; channel and status words
/// in Vietnamese ("trực tiếp", "Đã trả kết quả") or the English names.
/// </summary>
public static class DossierFile
{
    private const int MaxQuotedLength = 40;
    private const int HeaderSearchRows = 20;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The columns: the English name, the name officers see, whether it is required, and the headers accepted (folded).</summary>
    public static readonly IReadOnlyList<(string Key, string Label, bool Required, string[] Aliases)> Columns =
    [
        ("code", "Mã hồ sơ", true, ["code", "ma ho so", "ma hs", "so ho so", "ma so ho so", "so bien nhan", "ma bien nhan"]),
        ("procedure", "Tên thủ tục", true, ["procedure", "ten thu tuc", "thu tuc", "ten thu tuc hanh chinh", "thu tuc hanh chinh", "ten tthc"]),
        ("field", "Lĩnh vực", false, ["field", "linh vuc"]),
        ("applicant", "Người nộp", false, ["applicant", "nguoi nop", "chu ho so", "nguoi nop ho so", "ten nguoi nop", "ho ten nguoi nop", "to chuc ca nhan", "ten to chuc ca nhan"]),
        ("phone", "Số điện thoại", false, ["phone", "so dien thoai", "dien thoai", "sdt", "so dt"]),
        ("channel", "Hình thức nộp", true, ["channel", "hinh thuc nop", "hinh thuc tiep nhan", "kenh nop", "kenh tiep nhan", "hinh thuc"]),
        ("received_at", "Ngày tiếp nhận", true, ["received at", "ngay tiep nhan", "ngay nhan", "ngay nop", "thoi gian tiep nhan"]),
        ("due_at", "Ngày hẹn trả", true, ["due at", "ngay hen tra", "ngay hen tra ket qua", "han tra", "han tra ket qua", "han giai quyet", "ngay hen"]),
        ("status", "Trạng thái", true, ["status", "trang thai", "tinh trang", "trang thai ho so"]),
        ("resolved_at", "Ngày trả kết quả", false, ["resolved at", "ngay tra ket qua", "ngay tra", "ngay co ket qua", "ngay hoan thanh", "ngay giai quyet"]),
    ];

    /// <summary>The header of the CSV template: the Vietnamese names, in order.</summary>
    public static IReadOnlyList<string> VietnameseHeader => [.. Columns.Select(c => c.Label)];

    public static string InvalidUtf8(int line) =>
        $"Tệp không phải văn bản UTF-8 hợp lệ (lỗi mã hóa ở dòng {line}); chưa nhập dòng nào. Xin lưu lại tệp dưới dạng \"CSV UTF-8\" rồi nhập lại.";

    public static bool IsXlsx(ReadOnlySpan<byte> content) => content.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Reads a whole file (CSV or XLSX) into rows and errors; never throws for bad content.</summary>
    public static DossierFileContent Read(byte[] content, CommuneClock clock)
    {
        if (IsXlsx(content))
        {
            List<(int Line, object?[] Cells)> sheet;
            try
            {
                sheet = ReadXlsx(content);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new DossierFileContent { Format = "XLSX", Rejected = "Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx). Xin mở tệp bằng Excel, lưu lại dạng .xlsx hoặc CSV UTF-8 rồi nhập lại." };
            }

            return Parse(sheet, clock, "XLSX");
        }

        string text;
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }
        else
        {
            var bom = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            try
            {
                text = StrictUtf8.GetString(content, bom, content.Length - bom);
            }
            catch (DecoderFallbackException ex)
            {
                var at = Math.Clamp(ex.Index, 0, content.Length - bom);
                var line = 1 + content.AsSpan(bom, at).Count((byte)'\n');
                var result = new DossierFileContent { Rejected = InvalidUtf8(line) };
                result.Errors.Add(new ImportError(line, InvalidUtf8(line)));
                result.ErrorCount = 1;
                return result;
            }
        }

        return ReadText(text, clock);
    }

    public static DossierFileContent ReadText(string text, CommuneClock clock)
    {
        List<(int Line, object?[] Cells)> rows;
        try
        {
            rows = ReadCsv(text);
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException)
        {
            return Refused("Tệp trống hoặc hỏng: không đọc được dòng tiêu đề.");
        }

        return Parse(rows, clock, "CSV");
    }

    /// <summary>
    /// The separator the header uses: ";" (Excel in Vietnamese), "," or tab, counted outside quotes; the header is the line
    /// among the first ones that has the most of one (a title line above it has none).
    /// </summary>
    public static char DetectSeparator(string text)
    {
        var best = (Separator: ',', Count: 0);
        foreach (var line in text.Split('\n').Where(l => l.Trim().Length > 0).Take(HeaderSearchRows))
        {
            foreach (var separator in (char[])[';', ',', '\t'])
            {
                var count = 0;
                var quoted = false;
                foreach (var c in line)
                {
                    quoted ^= c == '"';
                    count += !quoted && c == separator ? 1 : 0;
                }

                if (count > best.Count)
                {
                    best = (separator, count);
                }
            }
        }

        return best.Separator;
    }

    private static List<(int Line, object?[] Cells)> ReadCsv(string text)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = DetectSeparator(text),
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var csv = CsvReader.Create(new StringReader(text), options, false);
        var rows = new List<(int, object?[])>();
        while (csv.Read())
        {
            var cells = new object?[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }

            rows.Add(((int)csv.LineNumber, cells));
        }

        return rows;
    }

    private static List<(int Line, object?[] Cells)> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var rows = new List<(int, object?[])>();
        var line = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
            line++;
            rows.Add((line, [.. row.Values]));
        }

        return rows;
    }

    private static DossierFileContent Refused(string reason)
    {
        var result = new DossierFileContent { Rejected = reason, ErrorCount = 1 };
        result.Errors.Add(new ImportError(1, reason));
        return result;
    }

    /// <summary>"Ngày Hẹn_Trả" and "ngay hen tra" alike: folded, punctuation as spaces.</summary>
    public static string FoldHeader(string? text)
    {
        var folded = TextMatching.Fold(text);
        var kept = string.Concat(folded.Select(c => char.IsLetterOrDigit(c) ? c : ' '));
        return string.Join(' ', kept.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static DossierFileContent Parse(List<(int Line, object?[] Cells)> rows, CommuneClock clock, string format)
    {
        var result = new DossierFileContent { Format = format };
        var headerAt = -1;
        Dictionary<string, int>? index = null;
        for (var i = 0; i < Math.Min(rows.Count, HeaderSearchRows) && headerAt < 0; i++)
        {
            var found = Columns.ToDictionary(c => c.Key, c => Array.FindIndex(rows[i].Cells, cell => c.Aliases.Contains(FoldHeader(Text(cell)))));
            if (found["code"] >= 0)
            {
                (headerAt, index) = (i, found);
            }
        }

        if (index is null)
        {
            var reason = rows.Count == 0
                ? "Tệp trống hoặc hỏng: không đọc được dòng tiêu đề."
                : $"Không thấy dòng tiêu đề có cột \"Mã hồ sơ\" (hoặc code) trong {HeaderSearchRows} dòng đầu. Xin dùng tệp mẫu.";
            var refused = Refused(reason);
            refused.Format = format;
            return refused;
        }

        var missing = Columns.Where(c => c.Required && index[c.Key] < 0).Select(c => $"{c.Label} ({c.Key})").ToList();
        if (missing.Count > 0)
        {
            var refused = Refused($"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}.");
            refused.Format = format;
            return refused;
        }

        var seen = new HashSet<string>();
        foreach (var (line, cells) in rows.Skip(headerAt + 1))
        {
            if (cells.All(c => string.IsNullOrWhiteSpace(Text(c))))
            {
                continue;
            }

            result.RowsRead++;
            var (dossier, error) = ParseRow(i => index[i] is var at && at >= 0 && at < cells.Length ? cells[at] : null, clock);
            if (error is not null)
            {
                result.Error(line, error);
                continue;
            }

            if (!seen.Add(dossier!.Code))
            {
                result.Error(line, $"Mã hồ sơ {dossier.Code} lặp lại trong tệp; dòng này bị bỏ qua.");
                continue;
            }

            result.Rows.Add(new DossierRow(line, dossier));
        }

        return result;
    }

    private static (Dossier? Dossier, string? Error) ParseRow(Func<string, object?> cell, CommuneClock clock)
    {
        string Field(string key) => Text(cell(key)).Trim();

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
            return (null, $"Hình thức nộp (channel) \"{Quote(Field("channel"))}\" không hợp lệ; dùng một trong: {string.Join(", ", DossierStatusWords.ChannelWords)}.");
        }

        if (!DossierStatusWords.TryParseStatus(Field("status"), out var status))
        {
            return (null, $"Trạng thái (status) \"{Quote(Field("status"))}\" không hợp lệ; dùng một trong: {string.Join(", ", DossierStatusWords.StatusWords)}.");
        }

        if (!TryParseDate(cell("received_at"), clock, out var receivedAt))
        {
            return (null, $"Ngày tiếp nhận (received_at) \"{Quote(Field("received_at"))}\" không đúng dạng ngày dd/MM/yyyy.");
        }

        if (!TryParseDate(cell("due_at"), clock, out var dueAt))
        {
            return (null, $"Ngày hẹn trả (due_at) \"{Quote(Field("due_at"))}\" không đúng dạng ngày dd/MM/yyyy.");
        }

        DateTimeOffset? resolvedAt = null;
        var resolvedText = Field("resolved_at");
        if (resolvedText.Length > 0)
        {
            if (!TryParseDate(cell("resolved_at"), clock, out var resolved))
            {
                return (null, $"Ngày trả kết quả (resolved_at) \"{Quote(resolvedText)}\" không đúng dạng ngày dd/MM/yyyy.");
            }

            resolvedAt = resolved;
        }

        if (status == DossierStatus.Resolved && resolvedAt is null)
        {
            return (null, "Hồ sơ đã có kết quả nhưng thiếu ngày trả kết quả (resolved_at).");
        }

        if (dueAt < receivedAt)
        {
            return (null, "Ngày hẹn trả (due_at) sớm hơn ngày tiếp nhận (received_at).");
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
            Phone = Phone(cell("phone")),
            Channel = channel,
            ReceivedAt = receivedAt,
            DueAt = dueAt,
            Status = status,
            ResolvedAt = resolvedAt,
        }, null);
    }

    /// <summary>A cell as text: numbers without a decimal part as integers, dates as dd/MM/yyyy HH:mm.</summary>
    private static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>A phone as typed; a number Excel stored without its leading zero (912345678) gets it back.</summary>
    private static string Phone(object? cell)
    {
        var text = Text(cell).Trim().TrimStart('\'');
        return cell is double && text.Length == 9 && text.All(char.IsAsciiDigit) ? "0" + text : text;
    }

    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "H:mm d/M/yyyy", "H:mm:ss d/M/yyyy", "d-M-yyyy", "d-M-yyyy H:mm", "d.M.yyyy",
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>Dates are the commune's wall-clock dates; a dossier is overdue only once its due day has passed.</summary>
    private static bool TryParseDate(object? cell, CommuneClock clock, out DateTimeOffset instant)
    {
        DateTime local;
        switch (cell)
        {
            case DateTime d:
                local = DateTime.SpecifyKind(d, DateTimeKind.Unspecified);
                break;
            case double n when n is > 20000 and < 80000:
                local = DateTime.FromOADate(n);
                break;
            default:
                var text = string.Join(' ', Text(cell).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
                {
                    instant = default;
                    return false;
                }

                break;
        }

        instant = clock.FromLocal(local);
        return true;
    }

    /// <summary>A cell quoted in an error, cut short: a garbage file must not make a report bigger than itself.</summary>
    private static string Quote(string value) => value.Length <= MaxQuotedLength ? value : value[..MaxQuotedLength] + "…";
}

/// <summary>The file officers download to fill in: the Vietnamese headers and one example row, as CSV (";", UTF-8 with BOM, as Excel in Vietnamese saves it) or XLSX.</summary>
public static class DossierTemplate
{
    private static readonly string[] Example =
        ["HS-2411-0001", "Chứng thực bản sao từ bản chính", "Chứng thực", "Nguyễn Văn A", "0912345678", "Trực tiếp", "05/11/2024 08:30", "07/11/2024", "Đang xử lý", ""];

    public static byte[] Csv()
    {
        static string Cell(string v) => v.Contains(';') || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;
        var text = string.Join(';', DossierFile.VietnameseHeader.Select(Cell)) + "\r\n" + string.Join(';', Example.Select(Cell)) + "\r\n";
        return [.. "\uFEFF"u8, .. System.Text.Encoding.UTF8.GetBytes(text)];
    }

    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        var row = DossierFile.VietnameseHeader.Zip(Example).ToDictionary(c => c.First, c => (object)c.Second);
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { row }, sheetName: "Hồ sơ");
        return stream.ToArray();
    }
}
