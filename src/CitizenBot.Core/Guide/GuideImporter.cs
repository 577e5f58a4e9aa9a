using System.Globalization;
using System.Text;
using CitizenBot.Core.Commune;
using MiniExcelLibs;

namespace CitizenBot.Core.Guide;

public sealed record GuideImportError(int Line, string Reason);

/// <summary>What an import of the guide did; <see cref="Rejected"/> says why a file was refused whole.</summary>
/// <summary>One row of a preview: the procedure's name, whether the file confirms it, what changes (empty for a new one).</summary>
public sealed record GuidePreviewRow(int Line, string Name, bool Confirm, IReadOnlyList<string> Changes);

/// <summary>What an import would do, nothing written yet.</summary>
public sealed record GuideImportPreview(IReadOnlyList<GuidePreviewRow> Created, IReadOnlyList<GuidePreviewRow> Updated, int Unchanged, IReadOnlyList<GuideImportError> Errors)
{
    public string? Rejected { get; init; }

    public bool ChangesAnything => Created.Count + Updated.Count > 0;
}

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
        var file = ReadFile(content);
        if (file.Rejected is { } rejected)
        {
            return new GuideImportReport(0, 0, 0, 0, [new GuideImportError(1, rejected)]) { Rejected = rejected };
        }

        var accepted = file.Rows.Select(r => (r.Entry, r.Confirm)).ToList();
        var changes = accepted.Count == 0 ? [] : book.Upsert(accepted, actor);
        return new GuideImportReport(
            changes.Count(c => c == GuideChange.Created),
            changes.Count(c => c == GuideChange.Updated),
            changes.Count(c => c == GuideChange.Unchanged),
            accepted.Count(a => a.Confirm),
            file.Errors);
    }

    /// <summary>What importing the file would do now, row by row, without writing anything (the console's preview).</summary>
    public GuideImportPreview Preview(byte[] content)
    {
        var file = ReadFile(content);
        if (file.Rejected is { } rejected)
        {
            return new GuideImportPreview([], [], 0, [new GuideImportError(1, rejected)]) { Rejected = rejected };
        }

        var created = new List<GuidePreviewRow>();
        var updated = new List<GuidePreviewRow>();
        var unchanged = 0;
        foreach (var (line, entry, confirm) in file.Rows)
        {
            var old = book.Get(GuideBook.KeyOf(entry.Name));
            if (old is null)
            {
                created.Add(new GuidePreviewRow(line, entry.Name, confirm, []));
            }
            else if (old.SameContentAs(entry) && (!confirm || old.IsConfirmed))
            {
                unchanged++;
            }
            else
            {
                var changes = ChangesBetween(old, entry);
                if (confirm && (!old.IsConfirmed || changes.Count > 0))
                {
                    changes.Add("được xác nhận");
                }
                else if (old.IsConfirmed && changes.Count > 0)
                {
                    changes.Add("chờ xác nhận lại (nội dung đổi)");
                }

                updated.Add(new GuidePreviewRow(line, entry.Name, confirm, changes));
            }
        }

        return new GuideImportPreview(created, updated, unchanged, file.Errors);
    }

    /// <summary>The fields whose content differs, in Vietnamese ("Lệ phí", "Giấy tờ cần mang").</summary>
    public static List<string> ChangesBetween(GuideEntry old, GuideEntry now)
    {
        var changes = new List<string>();
        void Compare(bool same, string what)
        {
            if (!same)
            {
                changes.Add(what);
            }
        }

        Compare(old.Name == now.Name, "Tên thủ tục");
        Compare(old.Field == now.Field, "Lĩnh vực");
        Compare(old.Aliases.SequenceEqual(now.Aliases), "Cách gọi khác");
        Compare(old.Papers == now.Papers, "Giấy tờ cần mang");
        Compare(old.Fee == now.Fee, "Lệ phí");
        Compare(old.ProcessingTime == now.ProcessingTime, "Thời gian giải quyết");
        Compare(old.Place == now.Place, "Nơi nộp");
        Compare(old.OnlineLink == now.OnlineLink, "Nộp trực tuyến");
        Compare(old.LegalBasis == now.LegalBasis, "Căn cứ pháp lý");
        Compare(old.SourceUrl == now.SourceUrl, "Nguồn");
        return changes;
    }

    private sealed record ParsedFile(List<(int Line, GuideEntry Entry, bool Confirm)> Rows, List<GuideImportError> Errors, string? Rejected);

    private static ParsedFile ReadFile(byte[] content)
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
            return new ParsedFile([], [], reason);
        }

        if (rows.Count > MaxRows)
        {
            return new ParsedFile([], [], $"Tệp có hơn {MaxRows} dòng; chưa nhập dòng nào. Xin chia nhỏ tệp.");
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
            return new ParsedFile([], [], rows.Count == 0
                ? "Tệp trống: cần dòng tiêu đề và ít nhất một thủ tục."
                : $"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}. Các cột: {string.Join(", ", Columns.Select(c => c.Header))}.");
        }

        var errors = new List<GuideImportError>();
        var accepted = new List<(int, GuideEntry, bool)>();
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

            var confirm = TextMatching.IsAny(Cell("confirmed"), YesWords);
            if (confirm && !GuideRules.ConfirmProblems(entry).Ok)
            {
                // Nobody may confirm what names no source to check it against: imported, waiting for one.
                confirm = false;
                if (errors.Count < MaxReportedErrors)
                {
                    errors.Add(new GuideImportError(line, $"Thủ tục \"{Short(entry.Name)}\" được nhập nhưng chưa xác nhận: cần ghi nguồn (cột \"Nguồn\") để đối chiếu."));
                }
            }

            accepted.Add((line, entry, confirm));
        }

        return new ParsedFile(accepted, errors, null);
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
            if (link.Length > 0 && !GuideRules.IsWebLink(link))
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

    /// <summary>An empty file with the headers, to fill in and import.</summary>
    public static byte[] Template(bool xlsx) => Write([], xlsx);

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
        return Write(rows, xlsx);
    }

    private static byte[] Write(List<Dictionary<string, object>> rows, bool xlsx)
    {
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
