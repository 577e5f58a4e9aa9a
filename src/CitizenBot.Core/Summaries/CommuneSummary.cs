using CitizenBot.Core.Announcements;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;

namespace CitizenBot.Core.Summaries;

/// <summary>
/// Every figure of a period's summary, each computed from LiteDB records by its own slice: <see cref="Sections"/>
/// holds what each registered <see cref="Figures.ISummaryFigures"/> computed, by its section key; the typed
/// properties are the views the summary's text, printable file and chart read.
/// </summary>
public sealed record CommuneSummary(
    string Commune,
    SummaryPeriod Period,
    DateTimeOffset CompiledAt,
    IReadOnlyDictionary<string, object> Sections)
{
    public DossierFigures Dossiers => Section<DossierFigures>(DossierSummaryFigures.Section);

    public IReadOnlyDictionary<LetterKind, int> Letters => Section<IReadOnlyDictionary<LetterKind, int>>(LetterSummaryFigures.Section);

    public ReceptionFigures Reception => Section<ReceptionFigures>(ReceptionSummaryFigures.Section);

    public PetitionFigures Petitions => Section<PetitionFigures>(PetitionSummaryFigures.Section);

    public QuestionFigures Questions => Section<QuestionFigures>(QuestionSummaryFigures.Section);

    public RatingReport Ratings => Section<RatingReport>(RatingSummaryFigures.Section);

    public AnnouncementFigures Announcements => Section<AnnouncementFigures>(AnnouncementSummaryFigures.Section);

    /// <summary>A section's figures; a slice whose figures the summary reads must register them.</summary>
    public T Section<T>(string key) => Sections.TryGetValue(key, out var figures)
        ? (T)figures
        : throw new InvalidOperationException($"The summary has no '{key}' section: its slice registers no ISummaryFigures.");
}
