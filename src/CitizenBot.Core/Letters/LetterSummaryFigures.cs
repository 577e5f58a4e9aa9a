using CitizenBot.Core.Figures;

namespace CitizenBot.Core.Letters;

/// <summary>The letters' section of the summary: letters sent in the period, by kind.</summary>
public sealed class LetterSummaryFigures(LetterBook letters) : ISummaryFigures
{
    public const string Section = "letters";
    string ISummaryFigures.Section => Section;

    public object Compute(FigureWindow window) => letters.CountByKind(window.From, window.To);
}
