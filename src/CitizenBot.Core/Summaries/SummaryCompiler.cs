using CitizenBot.Core.Commune;
using CitizenBot.Core.Figures;

namespace CitizenBot.Core.Summaries;

/// <summary>Compiles a period's summary from the figures every slice registers (<see cref="ISummaryFigures"/>).</summary>
public sealed class SummaryCompiler(
    CommuneOptions commune,
    CommuneClock clock,
    IEnumerable<ISummaryFigures> figures)
{
    public CommuneSummary Compile(SummaryPeriod period)
    {
        var from = clock.FromLocal(period.From.ToDateTime(TimeOnly.MinValue));
        var to = clock.FromLocal(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var compiledAt = clock.UtcNow;
        var window = new FigureWindow(period.From, period.To, from, to, clock.Today);
        var sections = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var slice in figures)
        {
            if (!sections.TryAdd(slice.Section, slice.Compute(window)))
            {
                throw new InvalidOperationException($"Two slices register the summary section '{slice.Section}'.");
            }
        }

        return new CommuneSummary(commune.Name, period, compiledAt, sections);
    }
}
