using CitizenBot.Core.Commune;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Petitions;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Petitions;

/// <summary>
/// The petitions list: filters by kind, status, village, topic and overdue, search by code or words; overdue first, then the
/// soonest due. Denunciations are listed only for leaders; an officer sees how many there are, nothing more.
/// </summary>
public sealed class IndexModel(PetitionSearch search, CommuneOptions commune) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "loai")]
    public PetitionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "trangthai")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "thon")]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true, Name = "linhvuc")]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "quahan")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public PetitionListing Listing { get; private set; } = new([], 0, 0, 0, 0);

    public bool Leader => User.IsAtLeast(UserRole.Leader);

    public IReadOnlyList<string> Villages => [.. commune.Villages, PetitionDialogTexts.OtherVillage];

    public static IReadOnlyList<string> Topics => PetitionDialogTexts.Topics;

    /// <summary>"open" (every status still in work) or a status name.</summary>
    public const string OpenStatus = "open";

    public bool Filtered => Kind is not null || !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(Village) || !string.IsNullOrEmpty(Topic) || Overdue || !string.IsNullOrWhiteSpace(Query);

    public void OnGet()
    {
        if (Kind == PetitionKind.Denunciation && !Leader)
        {
            Kind = null;
        }

        var status = Enum.TryParse<PetitionStatus>(Status, out var parsed) ? parsed : (PetitionStatus?)null;
        Listing = search.Find(new PetitionQuery(Kind, status, Village, Topic, Overdue, Query?.Trim(), OpenOnly: Status == OpenStatus), Leader);
    }
}
