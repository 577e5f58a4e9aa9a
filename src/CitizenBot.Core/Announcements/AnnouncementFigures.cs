using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Announcements;

/// <summary>The announcements part of the summary: how many were sent, to how many recipients, how many arrived.</summary>
public sealed record AnnouncementFigures(int Announcements, int Recipients, int Delivered, int Failed)
{
    public static AnnouncementFigures Compute(CitizenDatabase db, AnnouncementBook board, DateTimeOffset from, DateTimeOffset to)
    {
        int count = 0, recipients = 0, delivered = 0, failed = 0;
        foreach (var announcement in db.Collection<Announcement>(AnnouncementBook.CollectionName).Find(a => a.CreatedAt >= from && a.CreatedAt < to))
        {
            var report = board.Report(announcement);
            count++;
            recipients += announcement.Recipients;
            delivered += report.Delivered;
            failed += report.Failed.Count;
        }

        return new AnnouncementFigures(count, recipients, delivered, failed);
    }
}
