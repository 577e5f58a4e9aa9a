using CitizenBot.Core.Announcements;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Roles;
using CitizenBot.Host.Officer;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Announcements;

/// <summary>
/// Compose an announcement: the text, the villages from a checklist with their recipients, a preview of exactly what
/// citizens will read and how many chats it reaches, then "Gửi" (one press sends once), then its delivery report.
/// </summary>
public sealed class IndexModel(AnnouncementBook board, CommuneOptions commune, OfficerAccounts accounts) : PageModel
{
    public const int Shown = 50;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public List<string> Villages { get; set; } = [];

    [BindProperty]
    public bool All { get; set; }

    [BindProperty]
    public string? Draft { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<VillageAudience> Audience { get; private set; } = [];

    public int AllRecipients { get; private set; }

    /// <summary>Set once the draft is valid: the message as citizens will read it and how many chats it reaches.</summary>
    public (string Message, string Villages, int Recipients)? Preview { get; private set; }

    public IReadOnlyList<(Announcement Announcement, DeliveryReport Report)> Past { get; private set; } = [];

    public string AuthorName(string actor) => actor == OfficerToken.SharedActor ? "Mã truy cập chung" : accounts.DisplayNameOf(actor);

    public void OnGet() => Load();

    public IActionResult OnPostPreview()
    {
        if (Validate() is { } targets)
        {
            Draft = Guid.NewGuid().ToString("N");
            Preview = (AnnouncementTexts.Message(commune.Name, Text!.Trim()), AnnouncementTexts.Villages(targets), board.Recipients(targets).Count);
        }

        Load();
        return Page();
    }

    public IActionResult OnPostSend()
    {
        if (Validate() is not { } targets || string.IsNullOrEmpty(Draft))
        {
            Load();
            return Page();
        }

        var announcement = board.Publish(Text!.Trim(), null, targets, User.Actor(), null, Draft);
        Message = $"Đã gửi thông báo {announcement.Code} tới {ConsoleFormatNumber(announcement.Recipients)} nơi nhận. Tải lại trang này để xem tiến độ.";
        return RedirectToPage("Report", new { id = announcement.Id });
    }

    /// <summary>The villages to send to (empty: all) when the draft can go; null with the messages next to the fields when not.</summary>
    private List<string>? Validate()
    {
        var text = Text?.Trim() ?? "";
        if (text.Length < Announcement.MinText)
        {
            ModelState.AddModelError(nameof(Text), $"Xin viết nội dung thông báo (ít nhất {Announcement.MinText} ký tự).");
        }
        else if (text.Length > Announcement.MaxText)
        {
            ModelState.AddModelError(nameof(Text), $"Nội dung quá dài: {ConsoleFormatNumber(text.Length)} ký tự, tối đa {ConsoleFormatNumber(Announcement.MaxText)}.");
        }

        List<string> targets = [];
        if (!All)
        {
            var (known, unknown) = board.ResolveVillages(Villages);
            if (unknown.Count > 0)
            {
                ModelState.AddModelError(nameof(Villages), AnnouncementTexts.UnknownVillages(unknown, board.Villages));
            }
            else if (known.Count == 0)
            {
                ModelState.AddModelError(nameof(Villages), "Xin chọn ít nhất một thôn, hoặc \"Tất cả các thôn\".");
            }

            targets = known;
        }

        if (ModelState.IsValid && board.Recipients(targets).Count == 0)
        {
            ModelState.AddModelError(nameof(Villages), AnnouncementTexts.NoRecipients);
        }

        return ModelState.IsValid ? targets : null;
    }

    private void Load()
    {
        Audience = board.AudienceByVillage();
        AllRecipients = board.Recipients([]).Count;
        Past = [.. board.Recent(Shown).Select(a => (a, board.Report(a)))];
    }

    private static string ConsoleFormatNumber(long value) => VietnameseFormat.Number(value);
}
