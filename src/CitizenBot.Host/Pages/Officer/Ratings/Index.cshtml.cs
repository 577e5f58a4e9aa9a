using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Ratings;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Ratings;

/// <summary>
/// Ratings of a month with their comments: the counts and percentages by field and level (as the monthly summary counts
/// them), the list filtered by field and level, lowest first on request, and "Không hài lòng" comments marked as read.
/// </summary>
public sealed class IndexModel(RatingBook ratings, CommuneClock clock) : PageModel
{
    /// <summary>"2026-11" (the month picker) or "11/2026"; empty is this month.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public ServiceField? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public RatingLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool LowFirst { get; set; }

    public DateOnly First { get; private set; }

    public RatingReport Report { get; private set; } = null!;

    public List<Rating> Listed { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public void OnGet()
    {
        var today = clock.Today;
        First = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (DateOnly.TryParseExact(Month.Trim(), ["yyyy-MM", "MM/yyyy", "M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                First = new DateOnly(month.Year, month.Month, 1);
            }
            else
            {
                ModelState.AddModelError(nameof(Month), "Tháng không hợp lệ: xin chọn tháng hoặc gõ dạng 11/2026. Đang hiện tháng này.");
            }
        }

        // A field or level that is not one of the lists was already refused by model binding, next to its field.
        var from = clock.FromLocal(First.ToDateTime(TimeOnly.MinValue));
        var to = clock.FromLocal(First.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        Report = RatingReport.Compute(ratings, from, to);
        Listed = ratings.Find(new RatingQuery(from, to, ModelState.IsValid ? Field : null, ModelState.IsValid ? Level : null, LowFirst));
    }

    public IActionResult OnPostRead(long id)
    {
        Notice = ratings.MarkRead(id, User.Actor()) ? "Đã đánh dấu góp ý là đã đọc." : "Góp ý này đã được đánh dấu đã đọc trước đó.";
        return RedirectToPage(new { Month, Field, Level, LowFirst });
    }

    public string MonthValue => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
