using CitizenBot.Core.Dossiers;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dossiers;

public sealed class DossierImporterTests : IDisposable
{
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private ImportReport Import(params string[] rows) =>
        _bot.Get<DossierImporter>().Import(new StringReader(string.Join('\n', [Header, .. rows])));

    [Fact]
    public void Good_rows_are_imported_and_bad_rows_are_reported_with_their_line_numbers()
    {
        var report = Import(
            "HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,direct,2026-11-01,2026-11-10,in_progress,",
            "HS-2411-0002,Đăng ký kết hôn,Hộ tịch,Lê Thị Bình,0987654321,carrier_pigeon,2026-11-01,2026-11-10,received,",
            "HS-2411-0003,Chứng thực,Chứng thực,Trần Văn C,0911111111,online_full,2026-11-01,2026-13-40,received,",
            "HS-2411-0004,\"Xác nhận, nguồn gốc đất\",Đất đai,Phạm Thị D,0922222222,postal,2026-11-01,2026-11-20,resolved,2026-11-15");

        Assert.Equal(2, report.Created);
        Assert.Collection(report.Errors,
            e => { Assert.Equal(3, e.Line); Assert.Contains("carrier_pigeon", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(4, e.Line); Assert.Contains("due_at", e.Reason, StringComparison.Ordinal); });
        Assert.Equal("Xác nhận, nguồn gốc đất", _bot.Get<DossierBook>().Get("HS-2411-0004")!.Procedure);
    }

    [Fact]
    public void Dates_are_read_as_commune_time()
    {
        Import("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-01T08:30,2026-11-10,received,");

        var dossier = _bot.Get<DossierBook>().Get("HS-2411-0001")!;
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.Zero), dossier.ReceivedAt);
    }

    [Fact]
    public void Reimporting_updates_by_code_and_records_each_status_and_due_date_change()
    {
        Import("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-01,2026-11-10,received,");

        var report = Import(
            "hs-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-01,2026-11-15,in_progress,");

        Assert.Equal(1, report.Updated);
        var history = _bot.Get<DossierBook>().Get("HS-2411-0001")!.History;
        Assert.Equal([DossierChangeKind.Received, DossierChangeKind.StatusChanged, DossierChangeKind.DueDateChanged], history.Select(h => h.Kind));
        Assert.Equal([1, 2, 3], history.Select(h => h.Seq));
    }

    [Fact]
    public void The_same_file_imported_twice_changes_nothing()
    {
        const string row = "HS-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-01,2026-11-10,received,";
        Import(row);

        var report = Import(row);

        Assert.Equal(1, report.Unchanged);
        Assert.Single(_bot.Get<DossierBook>().Get("HS-2411-0001")!.History);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var report = _bot.Get<DossierImporter>().Import(new StringReader("code,procedure\nHS-1,x"));

        var error = Assert.Single(report.Errors);
        Assert.Contains("status", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_dossier_needs_its_resolution_date()
    {
        var report = Import("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,An,0912345678,direct,2026-11-01,2026-11-10,resolved,");

        Assert.Contains("resolved_at", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }
}
