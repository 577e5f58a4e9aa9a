using CitizenBot.Core.Commune;
using CitizenBot.Core.Figures;
using CitizenBot.Core.Summaries;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Summaries;

/// <summary>The summary's figures come from the slices' registered ISummaryFigures; the compiler names no slice.</summary>
public sealed class SummaryFiguresTests : IDisposable
{
    private static readonly SummaryPeriod October = SummaryPeriod.Month(2026, 10);
    private readonly BotHarness _bot = new(start: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Every_slice_with_figures_registers_its_section_once()
    {
        var sections = _bot.Get<IEnumerable<ISummaryFigures>>().Select(f => f.Section).ToList();

        Assert.Equal(["announcements", "dossiers", "letters", "petitions", "questions", "ratings", "reception"], sections.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_compiled_summary_holds_one_section_per_registered_slice()
    {
        var summary = _bot.Get<SummaryCompiler>().Compile(October);

        Assert.Equal(7, summary.Sections.Count);
        Assert.Same(summary.Sections["dossiers"], summary.Dossiers);
        Assert.Equal(0, summary.Dossiers.Received);
    }

    [Fact]
    public void A_slice_receives_the_period_as_local_days_and_utc_instants()
    {
        var probe = new Probe("probe");
        var compiler = new SummaryCompiler(new CommuneOptions { Name = "UBND xã Thử" }, Clock(), [probe]);

        var summary = compiler.Compile(October);

        Assert.Equal(new FigureWindow(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31),
            new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero),
            new DateOnly(2026, 11, 1)), probe.Seen);
        Assert.Equal("UBND xã Thử", summary.Commune);
        Assert.Same(probe.Seen, summary.Section<FigureWindow>("probe"));
    }

    [Fact]
    public void Two_slices_with_the_same_section_are_refused()
    {
        var compiler = new SummaryCompiler(new CommuneOptions(), Clock(), [new Probe("probe"), new Probe("probe")]);

        var error = Assert.Throws<InvalidOperationException>(() => compiler.Compile(October));
        Assert.Contains("'probe'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_no_slice_registered_is_named_when_read()
    {
        var summary = new SummaryCompiler(new CommuneOptions(), Clock(), []).Compile(October);

        var error = Assert.Throws<InvalidOperationException>(() => summary.Dossiers);
        Assert.Contains("'dossiers'", error.Message, StringComparison.Ordinal);
    }

    private static CommuneClock Clock() => new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero)), new CommuneOptions());

    private sealed class Probe(string section) : ISummaryFigures
    {
        public FigureWindow? Seen { get; private set; }

        public string Section => section;

        public object Compute(FigureWindow window) => Seen = window;
    }
}
