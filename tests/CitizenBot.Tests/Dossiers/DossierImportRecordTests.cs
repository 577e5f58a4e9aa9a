using System.Globalization;
using System.Text;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dossiers;

/// <summary>Uploaded files: each import recorded, an interrupted one finished by the same file again, strict UTF-8, a capped report.</summary>
public sealed class DossierImportRecordTests : IDisposable
{
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private static string Row(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"HS-2411-{i:D4},Đăng ký khai sinh,Hộ tịch,Nguyễn Văn {i},0912345678,direct,2026-11-01,2026-11-10,received,");

    private static byte[] File(IEnumerable<string> rows) => Encoding.UTF8.GetBytes(string.Join('\n', [Header, .. rows]));

    private DossierImporter Importer => _bot.Get<DossierImporter>();

    private ImportBook Imports => _bot.Get<ImportBook>();

    [Fact]
    public void An_import_is_recorded_with_who_what_file_and_how_far_it_got()
    {
        var report = Importer.ImportFile(File(Enumerable.Range(1, 1200).Select(Row)), "hoso.csv", "telegram:700");

        Assert.Equal(1200, report.Created);
        var import = Assert.Single(Imports.Latest(10));
        Assert.Equal(("hoso.csv", "telegram:700", DossierImportState.Completed, 1200, 1200), (import.FileName, import.By, import.State, import.RowsDone, import.Created));
    }

    [Fact]
    public void An_import_left_running_is_shown_as_interrupted_after_a_restart_until_the_same_file_is_imported_again()
    {
        var content = File(Enumerable.Range(1, 1000).Select(Row));
        // What a kill leaves: the record still running, the first rows committed.
        Imports.Start("hoso.csv", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)), "telegram:700");
        Importer.Import(new StringReader(string.Join('\n', [Header, .. Enumerable.Range(1, 400).Select(Row)])));
        _bot.Restart();
        Imports.MarkInterrupted();

        var interrupted = Assert.Single(Imports.Unfinished());
        Assert.Equal("hoso.csv", interrupted.FileName);

        var report = Importer.ImportFile(content, "hoso.csv", "telegram:700");

        Assert.Equal((600, 400, 0), (report.Created, report.Unchanged, report.ErrorCount));
        Assert.Empty(Imports.Unfinished());
    }

    [Fact]
    public void Importing_a_file_after_part_of_it_leaves_the_same_dossiers_as_importing_it_once()
    {
        var rows = Enumerable.Range(1, 700).Select(Row).ToList();
        Importer.Import(new StringReader(string.Join('\n', [Header, .. rows.Take(500)])));
        Importer.ImportFile(File(rows), "hoso.csv", "cli");

        using var once = new BotHarness();
        once.Get<DossierImporter>().ImportFile(File(rows), "hoso.csv", "cli");

        static string Snapshot(BotHarness bot) => string.Join('\n', bot.Get<CitizenDatabase>().Collection<Dossier>(DossierBook.CollectionName).FindAll()
            .OrderBy(d => d.Code).Select(d => $"{d.Code}|{d.Applicant}|{d.Status}|{d.DueAt:O}|{d.History.Count}"));
        Assert.Equal(Snapshot(once), Snapshot(_bot));
    }

    [Fact]
    public void Invalid_utf8_is_refused_whole_with_the_line_named_and_nothing_imported()
    {
        var good = File(Enumerable.Range(1, 3).Select(Row));
        byte[] content = [.. good, .. "\nHS-2411-0009,Ch"u8, 0xC3, 0x28, .. ",x,y,0912345678,direct,2026-11-01,2026-11-10,received,"u8];

        var report = Importer.ImportFile(content, "hoso.csv", "cli");

        Assert.Equal(DossierImporter.InvalidUtf8(5), report.Rejected);
        Assert.Equal(0, report.Imported);
        Assert.Null(_bot.Get<DossierBook>().Get("HS-2411-0001"));
        Assert.Equal(DossierImportState.Failed, Assert.Single(Imports.Latest(10)).State);
    }

    [Fact]
    public void A_file_saved_by_excel_with_a_byte_order_mark_is_read()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. File([Row(1)])];

        Assert.Equal(1, Importer.ImportFile(content, "excel.csv", "cli").Created);
    }

    [Fact]
    public void An_all_bad_file_gives_the_first_hundred_errors_and_a_count_with_each_quoted_cell_cut_short()
    {
        var garbage = new string('x', 5000);
        var report = Importer.ImportFile(File(Enumerable.Range(1, 1000).Select(_ => $"{garbage},a,b,c,d,e,f,g,h,")), "rac.csv", "cli");

        Assert.Equal(1000, report.ErrorCount);
        Assert.Equal(DossierImporter.MaxReportedErrors, report.Errors.Count);
        Assert.All(report.Errors, e => Assert.True(e.Reason.Length < 200, e.Reason));
    }
}
