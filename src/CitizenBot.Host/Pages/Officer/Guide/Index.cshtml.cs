using CitizenBot.Core.Commune;
using CitizenBot.Core.Guide;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Guide;

/// <summary>One match shown by "Thử câu hỏi": its title, how well it fits, and whether it is a procedure citizens already see.</summary>
public sealed record TrialMatch(string Title, int Percent, string Kind, GuideEntry? Entry);

/// <summary>What the bot would do with a citizen's message, in words, and the matches behind it.</summary>
public sealed record TrialView(string Verdict, IReadOnlyList<TrialMatch> Matches);

/// <summary>
/// The procedures guide: the list (search without diacritics, filter by status), "Thử câu hỏi" (what the bot would answer,
/// through the bot's own <see cref="GuideAnswers"/>), and the file import in two steps: upload shows what would change, nothing
/// written; "Nhập" imports exactly the previewed file. Export and an empty template for Excel.
/// </summary>
[RequestSizeLimit(100L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 100L * 1024 * 1024)]
public sealed class IndexModel(GuideBook book, GuideImporter importer, GuidePendingFiles pending, GuideAnswers answers, HostSettings settings,
    ILogger<IndexModel> logger) : PageModel
{
    public const string ConfirmedFilter = "da-xac-nhan";
    public const string WaitingFilter = "cho-xac-nhan";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public string? Status { get; set; }

    /// <summary>What a citizen would write, for "Thử câu hỏi".</summary>
    [BindProperty(SupportsGet = true, Name = "thu")]
    public string? Trial { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? PendingKey { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public List<GuideEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int ConfirmedCount { get; private set; }

    public GuideImportPreview? Preview { get; private set; }

    public string? PreviewFileName { get; private set; }

    /// <summary>What the bot answers now (confirmed entries only).</summary>
    public TrialView? TrialNow { get; private set; }

    /// <summary>What it would answer once the waiting entries are confirmed, when that differs.</summary>
    public TrialView? TrialIfConfirmed { get; private set; }

    public int MaxMegabytes => settings.MaxImportMegabytes;

    public void OnGet()
    {
        if (Request.Query.ContainsKey("thu"))
        {
            if (string.IsNullOrWhiteSpace(Trial))
            {
                ModelState.AddModelError("thu", "Xin gõ một câu như người dân sẽ viết.");
            }
            else if (Trial.Length > 1000)
            {
                ModelState.AddModelError("thu", "Câu thử dài quá 1000 ký tự.");
            }
            else
            {
                var all = book.All();
                TrialNow = Describe(answers.Classify(Trial), all);
                var rehearsed = Describe(answers.Rehearse(Trial), all);
                TrialIfConfirmed = rehearsed.Verdict == TrialNow.Verdict && rehearsed.Matches.Select(m => m.Title).SequenceEqual(TrialNow.Matches.Select(m => m.Title))
                    ? null
                    : rehearsed;
            }
        }

        Load();
    }

    public IActionResult OnGetExport(string? format)
    {
        var xlsx = !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        return File(importer.Export(xlsx), xlsx ? XlsxType : "text/csv; charset=utf-8", xlsx ? "huong-dan-thu-tuc.xlsx" : "huong-dan-thu-tuc.csv");
    }

    public IActionResult OnGetTemplate(string? format)
    {
        var xlsx = !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        return File(GuideImporter.Template(xlsx), xlsx ? XlsxType : "text/csv; charset=utf-8", xlsx ? "mau-huong-dan-thu-tuc.xlsx" : "mau-huong-dan-thu-tuc.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (await CitizenBot.Host.Officer.UploadBody.ReadFormAsync(Upload, settings, ModelState, nameof(Upload), HttpContext.RequestAborted) is (var content, var fileName))
        {
            Preview = importer.Preview(content);
            PreviewFileName = fileName;
            if (Preview.Rejected is { } rejected)
            {
                ModelState.AddModelError(nameof(Upload), rejected);
                Preview = null;
            }
            else if (Preview.ChangesAnything)
            {
                PendingKey = pending.Files.Hold(content, fileName, User.Actor());
            }
        }

        Load();
        return Page();
    }

    public IActionResult OnPostApply()
    {
        var file = pending.Files.Take(PendingKey, User.Actor());
        if (file is null)
        {
            ModelState.AddModelError(nameof(Upload), "Bản xem trước đã hết hạn (sau 30 phút) hoặc tệp đã được nhập. Xin chọn lại tệp và xem trước lần nữa.");
            Load();
            return Page();
        }

        var report = importer.ImportFile(file.Content, User.Actor());
        if (report.Rejected is { } rejected)
        {
            ModelState.AddModelError(nameof(Upload), rejected);
            Load();
            return Page();
        }

        logger.LogInformation("Guide import through the console: {Created} created, {Updated} updated, {Confirmed} confirmed, {Errors} rows noted",
            report.Created, report.Updated, report.Confirmed, report.Errors.Count);
        Notice = $"Đã nhập tệp \"{file.FileName}\": thêm mới {Format(report.Created)}, cập nhật {Format(report.Updated)}, không đổi {Format(report.Unchanged)}, "
            + $"xác nhận {Format(report.Confirmed)}, dòng cần chú ý {Format(report.Errors.Count)}.";
        return RedirectToPage();
    }

    public static string Format(int n) => VietnameseFormat.Number(n);

    /// <summary>Whether every word of the search is in the entry's name, field or citizens' words, diacritics aside.</summary>
    public static bool Fits(GuideEntry entry, string[] words)
    {
        var text = " " + TextMatching.Words(string.Join(' ', [entry.Name, entry.Field, .. entry.Aliases])) + " ";
        return words.All(w => text.Contains(" " + w, StringComparison.Ordinal));
    }

    private static TrialView Describe(GuideOutcome outcome, List<GuideEntry> all)
    {
        var byId = all.ToDictionary(e => GuideAnswers.ProcedurePrefix + GuideAnswers.RefOf(e));
        var matches = outcome.Top.Select(m => new TrialMatch(
            m.Title,
            (int)Math.Round(Math.Min(m.Score, 1) * 100),
            m.Id.StartsWith(GuideAnswers.ProcedurePrefix, StringComparison.Ordinal) ? "Thủ tục" : "Mục menu",
            byId.GetValueOrDefault(m.Id))).ToList();
        var verdict = outcome.Kind switch
        {
            GuideOutcomeKind.Greeting => "Đây là lời chào: bot chào lại và đưa menu.",
            GuideOutcomeKind.Thanks => "Đây là lời cảm ơn: bot đáp lời và đưa menu.",
            GuideOutcomeKind.Answer => $"Bot trả lời ngay bằng thủ tục \"{matches[0].Title}\".",
            GuideOutcomeKind.OpenMenu => $"Bot mở mục \"{matches[0].Title}\" của menu.",
            GuideOutcomeKind.Choose => "Bot đưa ra các nút sau để người dân chọn:",
            GuideOutcomeKind.Officer when matches.Count > 0 => "Người dân muốn hỏi cán bộ: bot đề nghị gửi câu hỏi cho cán bộ (người dân bấm đồng ý mới gửi).",
            GuideOutcomeKind.Officer => "Không có thủ tục nào khớp: bot đề nghị gửi câu hỏi cho cán bộ (người dân bấm đồng ý mới gửi). Nên thêm cách gọi này vào thủ tục phù hợp.",
            _ => "Câu quá ngắn: bot chưa hiểu và mời người dân chọn trong menu.",
        };
        return new TrialView(verdict, outcome.Kind is GuideOutcomeKind.Officer ? [] : matches);
    }

    private void Load()
    {
        var all = book.All();
        Total = all.Count;
        ConfirmedCount = all.Count(e => e.IsConfirmed);
        var words = TextMatching.Words(Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Entries = [.. all
            .Where(e => Status switch { ConfirmedFilter => e.IsConfirmed, WaitingFilter => !e.IsConfirmed, _ => true })
            .Where(e => words.Length == 0 || Fits(e, words))];
    }
}
