using CitizenBot.Core.Petitions;
using CitizenBot.Core.Roles;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Petitions;

/// <summary>
/// One petition: content, photos, location, the citizen's contact, its history, and the officer's actions (assign, in
/// progress, transfer, reject, answer, close, reopen). Each action goes through <see cref="PetitionBook"/> (the change, its
/// audit entry and the citizen's message in one transaction), then back here with a notice. A denunciation only for leaders.
/// </summary>
public sealed class DetailModel(PetitionBook petitions, UserRoles roles, OfficerAccounts accounts, PetitionPhotos photos) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? Officer { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? ReopenReason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public Petition Petition { get; private set; } = null!;

    /// <summary>No petition has this code: the page says so.</summary>
    public bool Missing { get; private set; }

    /// <summary>The author as officers need them: in clear for a named petition; for a denunciation opened from the seal (leaders only reach this page).</summary>
    public PetitionIdentity? Author { get; private set; }

    public bool Leader => User.IsAtLeast(UserRole.Leader);

    /// <summary>A photo can be shown when the channel it came through is on (Telegram's are fetched through its Bot API).</summary>
    public bool CanShow(string reference) => photos.CanOpen(reference);

    public string NameOf(string actor) => actor switch
    {
        "citizen" => PetitionTexts.CitizenRole,
        CitizenBot.Host.Officer.OfficerToken.SharedActor => "Mã truy cập chung",
        _ => accounts.DisplayNameOf(actor),
    };

    /// <summary>The officers one may assign to: everyone granted a role of officer or above, and oneself.</summary>
    public IReadOnlyList<(string Key, string Name)> Officers =>
    [
        .. roles.Granted().Where(g => g.Role >= UserRole.Officer).Select(g => g.Id)
            .Append(User.Actor()).Where(k => k.Length > 0).Distinct()
            .Select(k => (k, NameOf(k) + (k == User.Actor() ? " (tôi)" : ""))),
    ];

    public IActionResult OnGet()
    {
        if (Load() is { } refused)
        {
            return refused;
        }

        if (Author is not null)
        {
            petitions.AuditIdentityRead(Petition, User.Actor());
        }

        return Page();
    }

    public async Task<IActionResult> OnGetPhotoAsync(int n, CancellationToken ct)
    {
        if (Load() is { } refused)
        {
            return refused;
        }

        if (Missing || n < 0 || n >= Petition.Photos.Count || await photos.OpenAsync(Petition.Photos[n], ct) is not { } photo)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(photo.Content, photo.ContentType);
    }

    public IActionResult OnPostAssign()
    {
        if (string.IsNullOrEmpty(Officer) || !Officers.Any(o => o.Key == Officer))
        {
            ModelState.AddModelError(nameof(Officer), "Xin chọn cán bộ trong danh sách.");
            return Invalid();
        }

        return Move(PetitionStatus.Assigned, Officer, $"Đã giao đơn cho {NameOf(Officer)}.");
    }

    public IActionResult OnPostProgress() => Move(PetitionStatus.InProgress, null, "Đã chuyển sang đang xem xét, giải quyết.");

    public IActionResult OnPostTransfer() =>
        Note(nameof(Body), Body, "Xin ghi tên cơ quan nhận đơn (ví dụ: Công an xã, UBND tỉnh…).") is { } body
            ? Move(PetitionStatus.Transferred, body, $"Đã chuyển đơn đến {body}.")
            : Invalid();

    public IActionResult OnPostReject() =>
        Note(nameof(Reason), Reason, "Xin ghi lý do không thụ lý: công dân sẽ nhận được lý do này.") is { } reason
            ? Move(PetitionStatus.Rejected, reason, "Đã ghi không thụ lý, kèm lý do.")
            : Invalid();

    public IActionResult OnPostAnswer() =>
        Note(nameof(Answer), Answer, "Xin viết kết quả giải quyết để gửi công dân.") is { } answer
            ? Move(PetitionStatus.Answered, answer, "Đã gửi kết quả trả lời.")
            : Invalid();

    public IActionResult OnPostClose() => Move(PetitionStatus.Closed, null, "Đã kết thúc đơn.");

    public IActionResult OnPostReopen()
    {
        if (Note(nameof(ReopenReason), ReopenReason, "Xin ghi lý do mở lại đơn: công dân sẽ nhận được lý do này.") is not { } reason)
        {
            return Invalid();
        }

        var (outcome, petition) = petitions.Reopen(Code, User.Role(), PetitionBook.TitleOf(User.Role()), User.Actor(), reason);
        return Outcome(outcome, petition, "Đã mở lại đơn để xem xét lại, với hạn trả lời mới.");
    }

    private IActionResult Move(PetitionStatus to, string? note, string done)
    {
        var (outcome, petition) = petitions.Change(Code, to, User.Role(), PetitionBook.TitleOf(User.Role()), User.Actor(), note);
        return Outcome(outcome, petition, done);
    }

    private IActionResult Outcome(PetitionChange outcome, Petition? petition, string done)
    {
        switch (outcome)
        {
            case PetitionChange.Changed:
                Notice = done + (petitions.AddressOf(petition!) is null ? "" : " Công dân đã được báo.");
                return RedirectToPage(new { code = petition!.Code });
            case PetitionChange.Forbidden:
                return Forbid(ConsoleAuthentication.SchemeName);
            case PetitionChange.NotAllowed:
                ModelState.AddModelError("", $"Đơn đang ở trạng thái \"{PetitionTexts.Status(petition!.Status)}\", không làm được việc này. Xin tải lại trang.");
                return Invalid();
            default:
                return Load() ?? Page();
        }
    }

    /// <summary>A note the citizen will read: required, at least <see cref="PetitionBook.MinNote"/> letters, not too long.</summary>
    private string? Note(string field, string? value, string missing)
    {
        var note = value?.Trim() ?? "";
        if (note.Length < PetitionBook.MinNote)
        {
            ModelState.AddModelError(field, missing);
            return null;
        }

        if (note.Length > PetitionBook.MaxNote)
        {
            ModelState.AddModelError(field, $"Xin viết ngắn hơn: tối đa {PetitionBook.MaxNote} ký tự (hiện {note.Length}).");
            return null;
        }

        return note;
    }

    /// <summary>The page again with the messages next to the fields and what was typed kept; nothing was saved.</summary>
    private IActionResult Invalid() => Load() ?? Page();

    /// <summary>Loads the petition; not found, or a denunciation for someone below a leader, is answered here.</summary>
    private IActionResult? Load()
    {
        if (petitions.Get(Code) is not { } petition)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (petition.Kind == PetitionKind.Denunciation && !Leader)
        {
            return Forbid(ConsoleAuthentication.SchemeName);
        }

        Petition = petition;
        Code = petition.Code;
        Author = petition.Anonymous ? null : petitions.IdentityOf(petition);
        return null;
    }
}
