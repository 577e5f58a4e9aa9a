using CitizenBot.Core.Figures;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Petitions;

/// <summary>The petitions' section of the summary.</summary>
public sealed class PetitionSummaryFigures(CitizenDatabase db) : ISummaryFigures
{
    public const string Section = "petitions";
    string ISummaryFigures.Section => Section;

    public object Compute(FigureWindow window) => PetitionFigures.Compute(db, window.From, window.To);
}
