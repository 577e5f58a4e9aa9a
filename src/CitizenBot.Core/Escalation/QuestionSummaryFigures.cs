using CitizenBot.Core.Figures;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Escalation;

/// <summary>The officers' questions' section of the summary: asked, answered and the median time to answer.</summary>
public sealed class QuestionSummaryFigures(CitizenDatabase db) : ISummaryFigures
{
    public const string Section = "questions";
    string ISummaryFigures.Section => Section;

    public object Compute(FigureWindow window) => QuestionFigures.Compute(db, window.From, window.To);
}
