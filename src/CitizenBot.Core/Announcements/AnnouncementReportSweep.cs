namespace CitizenBot.Core.Announcements;

/// <summary>The Hangfire job that sends each finished announcement's delivery report to its author, once.</summary>
public sealed class AnnouncementReportSweep(AnnouncementBook board)
{
    public const string JobId = "announcement-reports";

    public int Run() => board.Unreported().Count(a => board.ReportIfFinished(a.Id));
}
