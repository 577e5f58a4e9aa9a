using CitizenBot.Core.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Dossiers;

/// <summary>One dossier for the desk: its status, dates, the history of status and due-date changes and how many chats follow it.</summary>
public sealed class DetailsModel(DossierBook dossiers, FollowBook follows) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;

    public int Followers { get; private set; }

    public IActionResult OnGet(string code)
    {
        if (dossiers.Find(code).Dossier is not { } dossier)
        {
            return Redirect("/officer/dossiers?ma=" + Uri.EscapeDataString(code));
        }

        Dossier = dossier;
        Followers = follows.FollowerCount(dossier.Code);
        return Page();
    }

    /// <summary>The phone with only its last three digits shown: enough to match a caller, not a list of numbers.</summary>
    public static string MaskedPhone(string phone) =>
        phone.Length <= 3 ? phone : new string('•', Math.Min(phone.Length - 3, 7)) + phone[^3..];
}
