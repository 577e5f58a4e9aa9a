using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Reception;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Reception;

/// <summary>
/// The reception desk's page: the coming reception days, one day's bookings in slot order (mark attended or absent, export
/// CSV/XLSX), and adding a leader's session (a Sunday or a public holiday only with the officer's confirmation).
/// </summary>
public sealed class IndexModel(ReceptionBook bookings, BookingExport export, CommuneClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ngay")]
    public string? Day { get; set; }

    [BindProperty]
    public string? SessionDate { get; set; }

    [BindProperty]
    public string? SessionTitle { get; set; }

    [BindProperty]
    public bool ConfirmDayOff { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public DateOnly Date { get; private set; }

    public List<ReceptionDay> Coming { get; private set; } = [];

    public List<ReceptionDay> Sessions { get; private set; } = [];

    public List<Booking> Bookings { get; private set; } = [];

    public string? DayOffName { get; private set; }

    /// <summary>Whether the offer to confirm a day off is shown (after a refusal, or once ticked).</summary>
    public bool AskConfirmation { get; private set; }

    public bool CanMark => Date <= clock.Today;

    public IActionResult OnGet()
    {
        if (!TryDay(out var date))
        {
            ModelState.AddModelError("ngay", "Ngày không hợp lệ; xin chọn lại ngày (dd/MM/yyyy).");
            date = clock.Today;
        }

        Load(date);
        return Page();
    }

    public IActionResult OnGetExport(string? format)
    {
        if (!TryDay(out var date))
        {
            return RedirectToPage();
        }

        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(export.Xlsx(date), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", BookingExport.FileName(date, "xlsx"))
            : File(export.Csv(date), "text/csv; charset=utf-8", BookingExport.FileName(date, "csv"));
    }

    public IActionResult OnPostMark(long id, bool attended)
    {
        var marked = bookings.Mark(id, attended, User.Actor());
        Notice = marked is null
            ? "Không ghi nhận được: lịch hẹn không còn, đã hủy, hoặc chưa đến ngày tiếp."
            : $"Đã ghi nhận {marked.Code}: {BookingExport.StatusLabel(marked.Status)}.";
        return RedirectToPage(new { ngay = Day });
    }

    public IActionResult OnPostSession()
    {
        DateOnly? date = DateOnly.TryParseExact(SessionDate?.Trim() ?? "", ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
        if (date is null)
        {
            ModelState.AddModelError(nameof(SessionDate), "Xin chọn ngày của buổi tiếp.");
        }
        else
        {
            var result = bookings.Calendar.TryAddLeaderSession(date.Value, SessionTitle, User.Actor(), ConfirmDayOff);
            switch (result.Refusal)
            {
                case AddSessionRefusal.None:
                    Notice = $"Đã thêm buổi tiếp \"{result.Session!.Title}\" ngày {VietnameseFormat.DateWithWeekday(date.Value)}. Công dân đã có thể đặt lịch.";
                    return RedirectToPage(new { ngay = date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                case AddSessionRefusal.BadTitle:
                    ModelState.AddModelError(nameof(SessionTitle), result.Error!);
                    break;
                case AddSessionRefusal.DayOff:
                    AskConfirmation = true;
                    ModelState.AddModelError(nameof(SessionDate), result.Error!);
                    break;
                default:
                    ModelState.AddModelError(nameof(SessionDate), result.Error!);
                    break;
            }
        }

        AskConfirmation |= ConfirmDayOff;
        Load(TryDay(out var shown) ? shown : clock.Today);
        return Page();
    }

    public string Time(Booking booking) => clock.ToLocal(booking.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private bool TryDay(out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(Day))
        {
            date = clock.Today;
            return true;
        }

        return DateOnly.TryParseExact(Day.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private void Load(DateOnly date)
    {
        Date = date;
        var today = clock.Today;
        Coming = bookings.Calendar.Between(today, today.AddDays(62));
        Sessions = bookings.Calendar.On(date);
        Bookings = bookings.OnDate(date);
        DayOffName = bookings.Calendar.DayOffName(date);
    }
}
