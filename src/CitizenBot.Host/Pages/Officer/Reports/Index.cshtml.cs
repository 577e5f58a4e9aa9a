using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Summaries;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Reports;

/// <summary>
/// The leaders' reports: the summary of a month, a quarter, a year or any range of days (the periods /baocao reads) on
/// screen with its chart, the printable page the Telegram summary sends, and the figures as XLSX; and the last summary
/// the monthly job made, for leaders who have no Telegram.
/// </summary>
[Authorize(Policy = ConsolePolicies.Leader)]
public sealed class IndexModel(SummaryCompiler compiler, MonthlySummarySweep monthly, CommuneClock clock) : PageModel
{
    public const string MonthKind = "thang";
    public const string QuarterKind = "quy";
    public const string YearKind = "nam";
    public const string RangeKind = "khoang";

    [BindProperty(SupportsGet = true, Name = "ky")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "thang")]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "quy")]
    public int? Quarter { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "tu")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "den")]
    public DateOnly? To { get; set; }

    public CommuneSummary? Summary { get; private set; }

    public SummaryRun? LastMonthly { get; private set; }

    public DateOnly Today => clock.Today;

    /// <summary>The query that names the period shown, for the chart, the printable page and the XLSX links.</summary>
    public Dictionary<string, string> PeriodQuery { get; } = [];

    public void OnGet()
    {
        LastMonthly = monthly.LastRun();
        if (Period() is { } period)
        {
            // Compiled once per view: the chart goes into the page itself, not through a second request that compiles again.
            Summary = compiler.Compile(period);
            ChartDataUri = "data:image/png;base64," + Convert.ToBase64String(SummaryChart.Render(Summary));
        }
    }

    /// <summary>The chart of the summary shown, as a data: address (the page's CSP allows data: images).</summary>
    public string? ChartDataUri { get; private set; }

    public IActionResult OnGetChart() =>
        Period() is { } period ? File(SummaryChart.Render(compiler.Compile(period)), "image/png") : BadRequest();

    /// <summary>The printable page, exactly the file the Telegram summary sends: in a tab, or downloaded.</summary>
    public IActionResult OnGetPrint(bool download = false)
    {
        if (Period() is not { } period)
        {
            return BadRequest();
        }

        var file = SummaryDocument.File(compiler.Compile(period), clock);
        return download ? File(file.Content, "text/html; charset=utf-8", file.FileName) : File(file.Content, "text/html; charset=utf-8");
    }

    public IActionResult OnGetXlsx()
    {
        if (Period() is not { } period)
        {
            return BadRequest();
        }

        return File(SummaryWorkbook.Xlsx(compiler.Compile(period)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SummaryWorkbook.FileName(period));
    }

    /// <summary>The period the query names (none: last month); null with a message next to the wrong field.</summary>
    private SummaryPeriod? Period()
    {
        if (!ModelState.IsValid)
        {
            return null;
        }

        var today = clock.Today;
        SummaryPeriod? period = null;
        switch (Kind)
        {
            case null or "":
                period = SummaryPeriod.PreviousMonth(today);
                break;
            case MonthKind:
                if (Month is not (>= 1 and <= 12))
                {
                    ModelState.AddModelError(nameof(Month), "Xin chọn tháng (1 đến 12).");
                }
                else if (ValidYear())
                {
                    period = SummaryPeriod.Month(Year!.Value, Month.Value);
                    Keep(("thang", Month.Value.ToString(CultureInfo.InvariantCulture)));
                }

                break;
            case QuarterKind:
                if (Quarter is not (>= 1 and <= 4))
                {
                    ModelState.AddModelError(nameof(Quarter), "Xin chọn quý (I đến IV).");
                }
                else if (ValidYear())
                {
                    period = SummaryPeriod.Quarter(Year!.Value, Quarter.Value);
                    Keep(("quy", Quarter.Value.ToString(CultureInfo.InvariantCulture)));
                }

                break;
            case YearKind:
                if (ValidYear())
                {
                    period = SummaryPeriod.Year(Year!.Value);
                }

                break;
            case RangeKind:
                if (From is not { } from)
                {
                    ModelState.AddModelError(nameof(From), "Xin chọn ngày bắt đầu.");
                }
                else if (To is not { } to)
                {
                    ModelState.AddModelError(nameof(To), "Xin chọn ngày kết thúc.");
                }
                else if (to < from)
                {
                    ModelState.AddModelError(nameof(To), "Ngày kết thúc phải sau ngày bắt đầu.");
                }
                else if (from.Year < 2000 || to.Year > 2100)
                {
                    ModelState.AddModelError(nameof(From), "Xin chọn ngày trong khoảng năm 2000 đến 2100.");
                }
                else
                {
                    period = SummaryPeriod.Range(from, to);
                    Keep(("tu", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("den", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }

                break;
            default:
                ModelState.AddModelError(nameof(Kind), "Không có loại kỳ báo cáo này.");
                break;
        }

        if (period is not null && period.From > today)
        {
            ModelState.AddModelError(Kind == RangeKind ? nameof(From) : nameof(Year), "Kỳ báo cáo không được ở tương lai.");
            return null;
        }

        if (period is not null && Kind is { Length: > 0 })
        {
            PeriodQuery["ky"] = Kind;
        }

        return period;
    }

    private bool ValidYear()
    {
        if (Year is not (>= 2000 and <= 2100))
        {
            ModelState.AddModelError(nameof(Year), "Xin nhập năm (ví dụ 2026).");
            return false;
        }

        PeriodQuery["nam"] = Year.Value.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private void Keep(params (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            PeriodQuery[key] = value;
        }
    }

    /// <summary>The query of a month, for the link to the last monthly summary.</summary>
    public static Dictionary<string, string> MonthQuery(SummaryPeriod period) => new()
    {
        ["ky"] = MonthKind,
        ["thang"] = period.From.Month.ToString(CultureInfo.InvariantCulture),
        ["nam"] = period.From.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The summary's lines as the chat and the printable page word them, without the title and the note about the file.</summary>
    public IReadOnlyList<string> Lines => Summary is null ? [] :
        [.. SummaryTexts.Lines(Summary, clock).Skip(3).Select(l => l.Replace(" Bản in kèm theo (mở bằng trình duyệt).", "", StringComparison.Ordinal))];

    public static bool IsHeading(string line) => line.Length > 1 && char.IsAsciiDigit(line[0]) && line[1] == '.';

    public string Moment(DateTimeOffset at) => clock.Moment(at);

    public static string Date(DateOnly day) => VietnameseFormat.Date(day);
}
