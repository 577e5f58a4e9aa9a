using System.Globalization;
using System.Text;
using CitizenBot.Core.Commune;
using MiniExcelLibs;

namespace CitizenBot.Core.Guide;

public sealed record GuideImportError(int Line, string Reason);

/// <summary>What an import of the guide did; <see cref="Rejected"/> says why a file was refused whole.</summary>
public sealed record GuideImportReport(int Created, int Updated, int Unchanged, int Confirmed, IReadOnlyList<GuideImportError> Errors)
{
    public string? Rejected { get; init; }
}

/// <summary>
/// Reads and writes the guide as a spreadsheet (XLSX) or CSV (UTF-8) with Vietnamese headers, the same file
/// both ways: an officer exports, edits in Excel and imports again. Rows are matched by the procedure's name. A row
/// whose "Đã xác nhận" cell says "có" is confirmed by the importing officer; any other changed row waits for a
/// confirmation before citizens see it. A bad row is reported with its line; the good rows are still imported.
/// </summary>
public sealed class GuideImporter(GuideBook book)
{
    public const int MaxRows = 2000;
    public const int MaxReportedErrors = 100;
    private const char AliasSeparator = ';';

    /// <summary>The columns, in the order of an export; the folded header is what is matched on import.</summary>
    public static readonly (string Header, string Key)[] Columns =
    [
        ("Tên thủ tục", "name"),
        ("Lĩnh vực", "field"),
        ("Cách gọi khác", "aliases"),
        ("Giấy tờ cần mang", "papers"),
        ("Lệ phí", "fee"),
        ("Thời gian giải quyết", "time"),
        ("Nơi nộp", "place"),
        ("Nộp trực tuyến", "online"),
        ("Căn cứ pháp lý", "legal"),
        ("Nguồn", "source"),
        ("Đã xác nhận", "confirmed"),
    ];

    private static readonly string[] Required = ["name", "legal"];
    private static readonly string[] LinkCells = ["online", "source"];
    private static readonly string[] LongCells = ["papers", "fee", "time", "place", "legal", "aliases"];
    private static readonly string[] YesWords = ["co", "x", "yes", "da xac nhan", "1", "dung"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsXlsx(byte[] content) => content.Length > 4 && content[0] == (byte)'P' && content[1] == (byte)'K';

    public GuideImportReport ImportFile(byte[] content, string actor)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = Read(content);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var reason = ex is DecoderFallbackException
                ? "Tệp không phải văn bản UTF-8 hợp lệ; chưa nhập dòng nào. Xin lưu lại tệp dưới dạng \"CSV UTF-8\" hoặc Excel (.xlsx) rồi nhập lại."
                : "Không đọc được tệp: cần tệp Excel (.xlsx) hoặc CSV UTF-8 có dòng tiêu đề.";
            return new GuideImportReport(0, 0, 0, 0, [new GuideImportError(1, reason)]) { Rejected = reason };
        }

        if (rows.Count > MaxRows)
        {
            var reason = $"Tệp có hơn {MaxRows} dòng; chưa nhập dòng nào. Xin chia nhỏ tệp.";
            return new GuideImportReport(0, 0, 0, 0, [new GuideImportError(1, reason)]) { Rejected = reason };
        }

        var headers = rows.Count == 0 ? [] : rows[0].Keys.ToList();
        var columnOf = new Dictionary<string, string>();
        foreach (var header in headers)
        {
            var folded = TextMatching.Words(header);
            if (Columns.FirstOrDefault(c => TextMatching.Words(c.Header) == folded) is { Key: not null } column)
            {
                columnOf[column.Key] = header;
            }
        }

        var missing = Required.Where(k => !columnOf.ContainsKey(k)).Select(k => Columns.First(c => c.Key == k).Header).ToList();
        if (rows.Count == 0 || missing.Count > 0)
        {
            var reason = rows.Count == 0
                ? "Tệp trống: cần dòng tiêu đề và ít nhất một thủ tục."
                : $"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}. Các cột: {string.Join(", ", Columns.Select(c => c.Header))}.";
            return new GuideImportReport(0, 0, 0, 0, [new GuideImportError(1, reason)]) { Rejected = reason };
        }

        var errors = new List<GuideImportError>();
        var accepted = new List<(GuideEntry, bool)>();
        var seen = new HashSet<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            string Cell(string key) => columnOf.TryGetValue(key, out var header) && rows[i].TryGetValue(header, out var value)
                ? (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim()
                : "";

            if (columnOf.Keys.All(k => Cell(k).Length == 0))
            {
                continue;
            }

            var (entry, error) = Parse(Cell);
            if (error is not null)
            {
                if (errors.Count < MaxReportedErrors)
                {
                    errors.Add(new GuideImportError(line, error));
                }

                continue;
            }

            if (!seen.Add(GuideBook.KeyOf(entry!.Name)))
            {
                errors.Add(new GuideImportError(line, $"Thủ tục \"{Short(entry.Name)}\" lặp lại trong tệp; dòng này bị bỏ qua."));
                continue;
            }

            accepted.Add((entry, TextMatching.IsAny(Cell("confirmed"), YesWords)));
        }

        var changes = accepted.Count == 0 ? [] : book.Upsert(accepted, actor);
        return new GuideImportReport(
            changes.Count(c => c == GuideChange.Created),
            changes.Count(c => c == GuideChange.Updated),
            changes.Count(c => c == GuideChange.Unchanged),
            accepted.Count(a => a.Item2),
            errors);
    }

    private static (GuideEntry? Entry, string? Error) Parse(Func<string, string> cell)
    {
        var name = cell("name");
        if (TextMatching.Words(name).Length < 3 || name.Length > 200)
        {
            return (null, "Thiếu tên thủ tục (cột \"Tên thủ tục\"), hoặc tên dài quá 200 ký tự.");
        }

        if (cell("legal").Length == 0)
        {
            return (null, $"Thủ tục \"{Short(name)}\" chưa ghi căn cứ pháp lý (cột \"Căn cứ pháp lý\"): mỗi thủ tục phải nêu văn bản làm căn cứ.");
        }

        foreach (var key in LinkCells)
        {
            var link = cell(key);
            if (link.Length > 0 && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                var header = Columns.First(c => c.Key == key).Header;
                return (null, $"Cột \"{header}\" của thủ tục \"{Short(name)}\" phải là một địa chỉ web (https://...).");
            }
        }

        if (LongCells.Any(k => cell(k).Length > 4000))
        {
            return (null, $"Một ô của thủ tục \"{Short(name)}\" dài quá 4000 ký tự.");
        }

        return (new GuideEntry
        {
            Name = name,
            Field = cell("field"),
            Aliases = [.. cell("aliases").Split([AliasSeparator, '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()],
            Papers = cell("papers"),
            Fee = cell("fee"),
            ProcessingTime = cell("time"),
            Place = cell("place"),
            OnlineLink = cell("online"),
            LegalBasis = cell("legal"),
            SourceUrl = cell("source"),
        }, null);
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static List<IDictionary<string, object?>> Read(byte[] content)
    {
        if (IsXlsx(content))
        {
            using var workbook = new MemoryStream(content);
            return [.. MiniExcel.Query(workbook, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
        }

        var bom = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var text = StrictUtf8.GetString(content, bom, content.Length - bom);
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return [.. MiniExcel.Query(csv, useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>()];
    }

    /// <summary>The whole guide as a file to edit and import again: XLSX, or CSV (UTF-8 with BOM, as Excel opens it).</summary>
    public byte[] Export(bool xlsx)
    {
        var rows = book.All().Select(e => new Dictionary<string, object>
        {
            ["Tên thủ tục"] = e.Name,
            ["Lĩnh vực"] = e.Field,
            ["Cách gọi khác"] = string.Join("; ", e.Aliases),
            ["Giấy tờ cần mang"] = e.Papers,
            ["Lệ phí"] = e.Fee,
            ["Thời gian giải quyết"] = e.ProcessingTime,
            ["Nơi nộp"] = e.Place,
            ["Nộp trực tuyến"] = e.OnlineLink,
            ["Căn cứ pháp lý"] = e.LegalBasis,
            ["Nguồn"] = e.SourceUrl,
            ["Đã xác nhận"] = e.IsConfirmed ? "có" : "",
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(Columns.ToDictionary(c => c.Header, _ => (object)""));
        }

        using var stream = new MemoryStream();
        if (!xlsx)
        {
            stream.Write("\uFEFF"u8);
        }

        stream.SaveAs(rows, sheetName: "Thu tuc", excelType: xlsx ? ExcelType.XLSX : ExcelType.CSV);
        return stream.ToArray();
    }
}
