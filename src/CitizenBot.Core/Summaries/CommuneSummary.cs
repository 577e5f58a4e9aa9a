using CitizenBot.Core.Announcements;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;

namespace CitizenBot.Core.Summaries;

/// <summary>Every figure of a period's summary, each computed from LiteDB records by its own slice.</summary>
public sealed record CommuneSummary(
    string Commune,
    SummaryPeriod Period,
    DateTimeOffset CompiledAt,
    DossierFigures Dossiers,
    IReadOnlyDictionary<LetterKind, int> Letters,
    ReceptionFigures Reception,
    PetitionFigures Petitions,
    QuestionFigures Questions,
    RatingReport Ratings,
    AnnouncementFigures Announcements);
