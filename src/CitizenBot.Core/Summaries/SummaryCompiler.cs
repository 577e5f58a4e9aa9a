using CitizenBot.Core.Announcements;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Summaries;

/// <summary>Compiles a period's summary from the slices' figures.</summary>
public sealed class SummaryCompiler(
    CitizenDatabase db,
    CommuneOptions commune,
    CommuneClock clock,
    ReceptionCalendar calendar,
    LetterBook letters,
    RatingBook ratings,
    AnnouncementBoard announcements)
{
    public CommuneSummary Compile(SummaryPeriod period)
    {
        var from = clock.FromLocal(period.From.ToDateTime(TimeOnly.MinValue));
        var to = clock.FromLocal(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return new CommuneSummary(
            commune.Name,
            period,
            clock.UtcNow,
            DossierFigures.Compute(db, from, to),
            letters.CountByKind(from, to),
            ReceptionFigures.Compute(db, calendar, period.From, period.To, clock.Today),
            PetitionFigures.Compute(db, from, to),
            QuestionFigures.Compute(db, from, to),
            RatingReport.Compute(ratings, from, to),
            AnnouncementFigures.Compute(db, announcements, from, to));
    }
}
