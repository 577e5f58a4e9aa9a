using CitizenBot.Core.Figures;

namespace CitizenBot.Core.Ratings;

/// <summary>The ratings' section of the summary: ratings by field and level.</summary>
public sealed class RatingSummaryFigures(RatingBook ratings) : ISummaryFigures
{
    public const string Section = "ratings";
    string ISummaryFigures.Section => Section;

    public object Compute(FigureWindow window) => RatingReport.Compute(ratings, window.From, window.To);
}
