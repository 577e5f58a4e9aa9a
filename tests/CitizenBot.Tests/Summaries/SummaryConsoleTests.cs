using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Summaries;
using CitizenBot.Tests.Support;
using MiniExcelLibs;

namespace CitizenBot.Tests.Summaries;

/// <summary>What the console's reports page reads: the summary's figures as XLSX, and the last monthly run.</summary>
public sealed class SummaryConsoleTests : IDisposable
{
    private readonly BotHarness _bot = new(start: new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void The_workbook_holds_every_figure_under_Vietnamese_columns()
    {
        _bot.SeedDossier("HS-2610-0001", DossierStatus.InProgress, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var summary = _bot.Get<SummaryCompiler>().Compile(SummaryPeriod.Month(2026, 11));

        using var stream = new MemoryStream(SummaryWorkbook.Xlsx(summary));
        Assert.Equal(["Số liệu"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(["Mục", "Chỉ tiêu", "Số liệu"], rows[0].Keys);
        Assert.Equal(SummaryWorkbook.Figures(summary).Count(), rows.Count);
        Assert.Equal((double)summary.Dossiers.Received, Convert.ToDouble(rows.Single(r => (string)r["Chỉ tiêu"] == "Hồ sơ tiếp nhận")["Số liệu"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => (string)r["Mục"] == "7. Thông báo tới các thôn" && (string)r["Chỉ tiêu"] == "Không gửi được");
        Assert.Equal("bao-cao-tong-hop-20261101-20261130.xlsx", SummaryWorkbook.FileName(SummaryPeriod.Month(2026, 11)));
    }

    [Fact]
    public void The_monthly_job_records_its_run_even_when_no_leader_has_a_chat()
    {
        var sweep = _bot.Get<MonthlySummarySweep>();
        Assert.Null(sweep.LastRun());

        sweep.Run();

        var run = sweep.LastRun()!;
        Assert.Equal("tháng 10/2026", run.Title);
        Assert.Equal(SummaryPeriod.Month(2026, 10), run.Period);
        Assert.Equal(_bot.Clock.GetUtcNow(), run.RanAt);
    }

    [Fact]
    public void A_rerun_keeps_one_record_per_month_and_the_latest_month_comes_first()
    {
        var sweep = _bot.Get<MonthlySummarySweep>();
        _bot.Get<UserRoles>().Grant("telegram:800", UserRole.Leader, BotHarness.AdminKey);
        sweep.Run();
        sweep.Run();
        _bot.Clock.Advance(TimeSpan.FromDays(31));
        sweep.Run();

        Assert.Equal("tháng 11/2026", sweep.LastRun()!.Title);
        Assert.True(sweep.LastRun()!.Chats >= 1);
    }

    [Fact]
    public void The_printable_pages_style_is_the_block_the_console_allows()
    {
        var summary = _bot.Get<SummaryCompiler>().Compile(SummaryPeriod.Month(2026, 10));
        var html = SummaryDocument.Html(summary, _bot.Get<CitizenBot.Core.Commune.CommuneClock>());

        Assert.Contains(SummaryDocument.StyleBlock, html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<style>"));
    }
}
