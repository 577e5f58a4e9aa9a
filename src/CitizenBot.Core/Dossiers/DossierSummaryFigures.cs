using CitizenBot.Core.Figures;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Dossiers;

/// <summary>The dossiers' section of the summary: received, resolved on time or late, in progress, by channel.</summary>
public sealed class DossierSummaryFigures(CitizenDatabase db) : ISummaryFigures
{
    public const string Section = "dossiers";
    string ISummaryFigures.Section => Section;

    public object Compute(FigureWindow window) => DossierFigures.Compute(db, window.From, window.To);
}
