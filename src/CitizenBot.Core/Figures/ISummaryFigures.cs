namespace CitizenBot.Core.Figures;

/// <summary>
/// A slice's part of the commune's summary: its section key and its figures for a period. Each slice registers
/// its own from its Core registration (<c>services.AddSingleton&lt;ISummaryFigures, DossierSummaryFigures&gt;()</c>),
/// and the summary compiler asks every registered one, so the compiler names no slice. It lives below the slices
/// (as <c>ISweep</c> does) so that a slice can offer its figures without depending on the summaries.
/// </summary>
public interface ISummaryFigures
{
    /// <summary>The section's key in the compiled summary; unique among the registered figures.</summary>
    string Section { get; }

    /// <summary>The slice's figures for the period, computed from its LiteDB records.</summary>
    object Compute(FigureWindow window);
}
