using CitizenBot.Core.Figures;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Reception;

/// <summary>The reception's section of the summary: days held, leaders' sessions, bookings and how they ended.</summary>
public sealed class ReceptionSummaryFigures(CitizenDatabase db, ReceptionCalendar calendar) : ISummaryFigures
{
    public const string Section = "reception";
    string ISummaryFigures.Section => Section;

    public object Compute(FigureWindow window) => ReceptionFigures.Compute(db, calendar, window.FirstDay, window.LastDay, window.Today);
}
