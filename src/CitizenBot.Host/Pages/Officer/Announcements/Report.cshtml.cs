using CitizenBot.Core.Announcements;
using CitizenBot.Core.Roles;
using CitizenBot.Host.Officer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Announcements;

/// <summary>An announcement's delivery report: delivered, failed with the reason, waiting, unconfirmed, per village; fresh on every load.</summary>
public sealed class ReportModel(AnnouncementBook board, OfficerAccounts accounts) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public Announcement Announcement { get; private set; } = null!;

    public DeliveryReport Report { get; private set; } = null!;

    public IReadOnlyList<VillageDelivery> ByVillage { get; private set; } = [];

    public string Author { get; private set; } = "";

    public IActionResult OnGet(long id)
    {
        if (board.Get(id) is not { } announcement)
        {
            return NotFound();
        }

        Announcement = announcement;
        Report = board.Report(announcement);
        ByVillage = board.ReportByVillage(announcement);
        Author = announcement.Author == OfficerToken.SharedActor ? "Mã truy cập chung" : accounts.DisplayNameOf(announcement.Author);
        return Page();
    }
}
