using System.Text;
using CitizenBot.Core.Guide;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Host.Demo;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Guide;

/// <summary>Officers keep the guide in a spreadsheet: Vietnamese headers, bad rows named by line, confirmation audited.</summary>
public sealed class GuideImportTests : IDisposable
{
    private const string Header = "Tên thủ tục,Lĩnh vực,Cách gọi khác,Giấy tờ cần mang,Lệ phí,Thời gian giải quyết,Nơi nộp,Nộp trực tuyến,Căn cứ pháp lý,Nguồn,Đã xác nhận";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private GuideImporter Importer => _bot.Get<GuideImporter>();

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]));

    [Fact]
    public void A_csv_with_vietnamese_headers_is_imported_and_only_rows_marked_confirmed_are_shown()
    {
        var report = Importer.ImportFile(Csv(
            "Đăng ký thường trú,Cư trú,nhập hộ khẩu; chuyển hộ khẩu,Tờ khai,,,Một cửa,https://dichvucong.gov.vn,Luật Cư trú năm 2020,https://vbpl.vn/luat-cu-tru,có",
            "Đăng ký tạm trú,Cư trú,tạm trú,Tờ khai,,,Một cửa,,Luật Cư trú năm 2020,,"), "telegram:700");

        Assert.Null(report.Rejected);
        Assert.Empty(report.Errors);
        Assert.Equal(2, report.Created);
        Assert.Equal(1, report.Confirmed);
        var entry = _bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký thường trú"))!;
        Assert.Equal(["nhập hộ khẩu", "chuyển hộ khẩu"], entry.Aliases);
        Assert.Equal("telegram:700", entry.ConfirmedBy);
        Assert.Equal(["Đăng ký thường trú"], _bot.Get<GuideAnswers>().Entries.Select(e => e.Name));
        var audit = _bot.Get<AuditLog>().Latest(10);
        Assert.Contains(audit, a => a.Action == "guide.create" && a.Actor == "telegram:700");
        Assert.Contains(audit, a => a.Action == "guide.confirm" && a.Subject == entry.Key);
    }

    [Fact]
    public void A_row_without_legal_basis_or_with_a_bad_link_is_named_by_its_line_and_the_others_are_imported()
    {
        var report = Importer.ImportFile(Csv(
            "Đăng ký thường trú,Cư trú,,Tờ khai,,,,,,,có",
            "Đăng ký tạm trú,Cư trú,,Tờ khai,,,,không phải link,Luật Cư trú năm 2020,,có",
            "Xác nhận cư trú,Cư trú,,Tờ khai,,,,,Luật Cư trú năm 2020,https://vbpl.vn/luat-cu-tru,có"), "web:officer");

        Assert.Equal(1, report.Created);
        Assert.Collection(report.Errors,
            e => { Assert.Equal(2, e.Line); Assert.Contains("căn cứ pháp lý", e.Reason, StringComparison.Ordinal); },
            e => { Assert.Equal(3, e.Line); Assert.Contains("địa chỉ web", e.Reason, StringComparison.Ordinal); });
    }

    [Fact]
    public void A_file_missing_a_required_column_is_refused_whole()
    {
        var report = Importer.ImportFile(Encoding.UTF8.GetBytes("Tên thủ tục,Lệ phí\nĐăng ký thường trú,0"), "web:officer");

        Assert.Contains("Căn cứ pháp lý", report.Rejected, StringComparison.Ordinal);
        Assert.Equal(0, _bot.Get<GuideBook>().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_export_imports_again_unchanged_keeping_confirmations(bool xlsx)
    {
        var book = _bot.Get<GuideBook>();
        DemoCommune.SeedGuideIfEmpty(book);
        var before = book.All().Select(e => (e.Name, e.Papers, e.Fee, e.IsConfirmed, string.Join("|", e.Aliases))).ToList();

        var report = Importer.ImportFile(Importer.Export(xlsx), "web:officer");

        Assert.Empty(report.Errors);
        Assert.Equal(before.Count, report.Unchanged);
        Assert.Equal(before, book.All().Select(e => (e.Name, e.Papers, e.Fee, e.IsConfirmed, string.Join("|", e.Aliases))).ToList());
    }

    [Fact]
    public void Every_demo_entry_names_its_legal_basis_and_source()
    {
        Assert.All(DemoCommune.GuideEntries(), e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.LegalBasis), e.Name);
            Assert.StartsWith("http", e.SourceUrl, StringComparison.Ordinal);
        });
    }
}
