using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.Jobs;
using CitizenBot.Host.Officer;
using CitizenBot.Host.OfficerConsole;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Dossiers;

/// <summary>
/// Dossiers: find one by its code; import the one-stop desk's export (CSV or XLSX) in two steps: upload shows a preview
/// of what would change (nothing written), "Nhập" imports exactly the previewed file, kept on the server for a short time.
/// </summary>
[RequestSizeLimit(100L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 100L * 1024 * 1024)]
public sealed class IndexModel(DossierBook dossiers, DossierImporter importer, ImportBook imports, PendingImports pending, HostSettings settings,
    CommuneClock clock, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ma")]
    public string? Code { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? PendingKey { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public ImportPreview? Preview { get; private set; }

    public string? PreviewFileName { get; private set; }

    public List<DossierImport> Interrupted { get; private set; } = [];

    public List<DossierImport> Latest { get; private set; } = [];

    public int Total { get; private set; }

    public int MaxMegabytes => settings.MaxImportMegabytes;

    public string InterruptedText(DossierImport import) => ImportTexts.Interrupted(import, clock);

    public IActionResult OnGet()
    {
        if (Code is not null)
        {
            var (result, dossier) = dossiers.Find(Code);
            if (dossier is not null)
            {
                return Redirect("/officer/dossiers/" + Uri.EscapeDataString(dossier.Code));
            }

            ModelState.AddModelError("ma", result == DossierLookup.PartialCode
                ? $"Xin gõ đủ mã hồ sơ, cả phần chữ (ví dụ {DossierCode.Example})."
                : string.IsNullOrWhiteSpace(Code) ? "Xin gõ mã hồ sơ." : $"Không tìm thấy hồ sơ có mã \"{Code.Trim()}\".");
        }

        Load();
        return Page();
    }

    public IActionResult OnGetTemplate(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(DossierTemplate.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-nhap-ho-so.xlsx")
            : File(DossierTemplate.Csv(), "text/csv; charset=utf-8", "mau-nhap-ho-so.csv");

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
                PendingKey = pending.Hold(content, fileName, User.Actor());
            }
        }

        Load();
        return Page();
    }

    public IActionResult OnPostApply()
    {
        var file = pending.Take(PendingKey, User.Actor());
        if (file is null)
        {
            ModelState.AddModelError(nameof(Upload), "Bản xem trước đã hết hạn (sau 30 phút) hoặc tệp đã được nhập. Xin chọn lại tệp và xem trước lần nữa.");
            Load();
            return Page();
        }

        var report = importer.ImportFile(file.Content, file.FileName, User.Actor());
        if (report.Rejected is { } rejected)
        {
            ModelState.AddModelError(nameof(Upload), rejected);
            Load();
            return Page();
        }

        logger.LogInformation("Officer import through the console: {Created} created, {Updated} updated, {Errors} bad rows", report.Created, report.Updated, report.ErrorCount);
        if (report.Created + report.Updated > 0)
        {
            try
            {
                // Followers hear of the changes now rather than at the sweep's next minute.
                HttpContext.RequestServices.GetRequiredService<IBackgroundJobClient>().Enqueue<SweepJob>(j => j.RunAsync(DossierFollowSweep.JobId, CancellationToken.None));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                logger.LogWarning("The follow sweep could not be started now ({Error}); it runs at its next minute", ex.Message);
            }
        }

        Notice = $"Đã nhập tệp \"{file.FileName}\": thêm mới {Format(report.Created)}, cập nhật {Format(report.Updated)}, không đổi {Format(report.Unchanged)}, dòng lỗi bỏ qua {Format(report.ErrorCount)}.";
        return RedirectToPage();
    }

    public static string Format(int n) => VietnameseFormat.Number(n);

    private void Load()
    {
        Interrupted = imports.Unfinished();
        Latest = imports.Latest(5);
        Total = dossiers.Count();
    }
}
