using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer;

/// <summary>
/// "Việc cần làm": what needs the desk now, each block read from its slice and linking to its page. Read only, except
/// marking a "Không hài lòng" as read (it stays here, for everyone, until someone does).
/// </summary>
public sealed class IndexModel(
    QuestionBook questions, PetitionBook petitions, ReceptionBook reception, RatingBook ratings, ImportBook imports,
    CitizenDatabase db, ConsoleFormat format, IServiceProvider services) : PageModel
{
    /// <summary>Each block lists at most this many; the count says how many there are in all.</summary>
    public const int Listed = 8;

    /// <summary>Failed deliveries of the last week are shown (older ones are history, on the audit side).</summary>
    public static readonly TimeSpan DeliveriesWindow = TimeSpan.FromDays(7);

    public List<OfficerQuestion> Questions { get; private set; } = [];

    public int QuestionCount { get; private set; }

    public List<Petition> Petitions { get; private set; } = [];

    public int PetitionCount { get; private set; }

    public int OverdueCount { get; private set; }

    public int HiddenDenunciations { get; private set; }

    public List<string> SessionsToday { get; private set; } = [];

    public int BookingsToday { get; private set; }

    public List<Booking> NextBookings { get; private set; } = [];

    public List<Rating> LowRatings { get; private set; } = [];

    public List<DeliveryProblem> Deliveries { get; private set; } = [];

    public List<DossierImport> Imports { get; private set; } = [];

    /// <summary>The last monthly summary, for leaders (many read it here, without Telegram).</summary>
    public CitizenBot.Core.Summaries.SummaryRun? LastSummary { get; private set; }

    /// <summary>The Zalo channel's state when Zalo is on: what waits for the citizens' next message, the month's quota, alerts.</summary>
    public CitizenBot.Channels.Zalo.ZaloReport.HomeView? Zalo { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public void OnGet()
    {
        var now = format.Now;
        var waiting = questions.Waiting();
        QuestionCount = waiting.Count;
        Questions = [.. waiting.Take(Listed)];

        // Denunciations, and who wrote them, are for leaders only, as in the chat.
        var open = petitions.Open();
        var visible = User.IsAtLeast(UserRole.Leader) ? open : [.. open.Where(p => p.Kind != PetitionKind.Denunciation)];
        HiddenDenunciations = open.Count - visible.Count;
        PetitionCount = visible.Count;
        OverdueCount = visible.Count(p => p.DueAt < now);
        Petitions = [.. visible.OrderBy(p => p.DueAt).ThenBy(p => p.Id).Take(Listed)];

        var today = format.Today;
        SessionsToday = [.. reception.Calendar.On(today).Select(d => d.Title)];
        var bookings = reception.OnDate(today);
        BookingsToday = bookings.Count(b => b.Status != BookingStatus.Cancelled);
        NextBookings = [.. bookings.Where(b => b.Status == BookingStatus.Booked && b.EndsAt > now).Take(Listed)];

        LowRatings = ratings.UnreadUnsatisfied(Listed);
        Deliveries = DeliveryProblems.Recent(db, now - DeliveriesWindow, Listed);
        Imports = imports.Unfinished();
        if (User.IsAtLeast(UserRole.Leader))
        {
            LastSummary = services.GetService<CitizenBot.Core.Summaries.MonthlySummarySweep>()?.LastRun();
        }

        Zalo = services.GetService<CitizenBot.Channels.Zalo.ZaloReport>()?.Home();
    }

    public IActionResult OnPostRead(long id)
    {
        Notice = ratings.MarkRead(id, User.Actor())
            ? "Đã đánh dấu góp ý là đã đọc."
            : "Góp ý này đã được đánh dấu đã đọc trước đó.";
        return RedirectToPage();
    }
}
