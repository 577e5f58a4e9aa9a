using CitizenBot.Core.Figures;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Announcements;

/// <summary>The announcements' section of the summary: announcements sent, their recipients and deliveries.</summary>
public sealed class AnnouncementSummaryFigures(CitizenDatabase db, AnnouncementBook board) : ISummaryFigures
{
    public const string Section = "announcements";
    string ISummaryFigures.Section => Section;

    public object Compute(FigureWindow window) => AnnouncementFigures.Compute(db, board, window.From, window.To);
}
