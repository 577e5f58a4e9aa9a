using System.Text;
using CitizenBot.Core.Dossiers;
using CitizenBot.Tests.Support;
using MiniExcelLibs;

namespace CitizenBot.Tests.Dossiers;

/// <summary>The forms one-stop desks export: Vietnamese headers, semicolons, dd/MM/yyyy, channel and status words, XLSX.</summary>
public sealed class DossierFileFormsTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private DossierImporter Importer => _bot.Get<DossierImporter>();

    private static byte[] Utf8(string text) => [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public void A_vietnamese_export_with_semicolons_and_day_first_dates_is_read()
    {
        var file = Utf8("DANH SÁCH HỒ SƠ TIẾP NHẬN\n\n"
            + "STT;Mã hồ sơ;Tên thủ tục;Lĩnh vực;Chủ hồ sơ;Số điện thoại;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái;Ngày trả kết quả\n"
            + "1;HS-2411-0001;Đăng ký khai sinh;Hộ tịch;Nguyễn Văn An;0912345678;Trực tiếp;05/11/2026 08:30;10/11/2026;Đang xử lý;\n"
            + "2;HS-2411-0002;Chứng thực bản sao;Chứng thực;Lê Thị Bình;0987654321;trực tuyến toàn trình;5/11/2026;6/11/2026;Đã trả kết quả;06/11/2026 15:00\n"
            + "3;HS-2411-0003;Đăng ký kết hôn;Hộ tịch;Trần C;0911111111;Qua bưu điện;05/11/2026;12/11/2026;Chờ bổ sung;\n"
            + "4;HS-2411-0004;Xác nhận;Đất đai;Phạm D;0922222222;bồ câu;05/11/2026;12/11/2026;Đã tiếp nhận;\n");

        var report = Importer.ImportFile(file, "mot-cua.csv", "cli");

        Assert.Equal(3, report.Created);
        var error = Assert.Single(report.Errors);
        Assert.Equal(7, error.Line);
        Assert.Contains("bồ câu", error.Reason, StringComparison.Ordinal);
        var book = _bot.Get<DossierBook>();
        var first = book.Get("HS-2411-0001")!;
        Assert.Equal(DossierChannel.Direct, first.Channel);
        Assert.Equal(DossierStatus.InProgress, first.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 1, 30, 0, TimeSpan.Zero), first.ReceivedAt);
        Assert.Equal(DossierStatus.Resolved, book.Get("HS-2411-0002")!.Status);
        Assert.Equal(DossierChannel.OnlineFull, book.Get("HS-2411-0002")!.Channel);
        Assert.Equal(DossierChannel.Postal, book.Get("HS-2411-0003")!.Channel);
        Assert.Equal(DossierStatus.AwaitingSupplement, book.Get("HS-2411-0003")!.Status);
    }

    [Theory]
    [InlineData("Ma ho so,Ten thu tuc,Nguoi nop,So dien thoai,Hinh thuc nop,Ngay tiep nhan,Ngay hen tra,Trang thai", "HS-2411-0001,Khai sinh,An,0912345678,truc tuyen mot phan,01/11/2026,10/11/2026,Rút hồ sơ")]
    [InlineData("MÃ HỒ SƠ;TÊN THỦ TỤC;HÌNH THỨC NỘP;NGÀY TIẾP NHẬN;NGÀY HẸN TRẢ;TRẠNG THÁI", "HS-2411-0001;Khai sinh;bưu chính;01/11/2026;10/11/2026;Trả lại")]
    [InlineData("Mã hồ sơ\tTên thủ tục\tHình thức nộp\tNgày tiếp nhận\tNgày hẹn trả\tTrạng thái", "HS-2411-0001\tKhai sinh\tTRỰC TIẾP\t2026-11-01\t2026-11-10\tĐã giải quyết")]
    public void Headers_with_or_without_diacritics_any_case_and_any_separator_are_read(string header, string row)
    {
        var report = Importer.Import(new StringReader(header + "\n" + row));

        Assert.True(report.Created == 1 || report.ErrorCount == 1, string.Join("; ", report.Errors.Select(e => e.Reason)));
        if (report.ErrorCount == 1)
        {
            // "Đã giải quyết" is a result: without "Ngày trả kết quả" the row is refused, saying why.
            Assert.Contains("resolved_at", report.Errors[0].Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_english_header_and_iso_dates_keep_working()
    {
        var report = Importer.Import(new StringReader("code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at\n"
            + "HS-2411-0001,Khai sinh,Hộ tịch,An,0912345678,online_partial,2026-11-01T08:30,2026-11-10,withdrawn,"));

        Assert.Equal(1, report.Created);
        Assert.Equal(DossierStatus.Withdrawn, _bot.Get<DossierBook>().Get("HS-2411-0001")!.Status);
    }

    [Fact]
    public void A_missing_required_column_is_named_in_vietnamese()
    {
        var report = Importer.ImportFile(Utf8("Mã hồ sơ;Tên thủ tục;Ngày tiếp nhận;Trạng thái\nHS-2411-0001;x;01/11/2026;Đang xử lý"), "a.csv", "cli");

        Assert.NotNull(report.Rejected);
        Assert.Contains("Hình thức nộp", report.Rejected, StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn trả", report.Rejected, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xlsx_export_with_date_cells_and_a_phone_without_its_leading_zero_is_read()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object>
            {
                ["Mã hồ sơ"] = "HS-2411-0007", ["Tên thủ tục"] = "Đăng ký khai tử", ["Lĩnh vực"] = "Hộ tịch", ["Người nộp"] = "Võ Văn E",
                ["Số điện thoại"] = 912345678d, ["Hình thức nộp"] = "Trực tiếp", ["Ngày tiếp nhận"] = new DateTime(2026, 11, 2, 9, 15, 0),
                ["Ngày hẹn trả"] = "12/11/2026", ["Trạng thái"] = "Đang xử lý", ["Ngày trả kết quả"] = "",
            },
        });

        var report = Importer.ImportFile(stream.ToArray(), "mot-cua.xlsx", "cli");

        Assert.Equal(1, report.Created);
        var dossier = _bot.Get<DossierBook>().Get("HS-2411-0007")!;
        Assert.Equal("0912345678", dossier.Phone);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 2, 15, 0, TimeSpan.Zero), dossier.ReceivedAt);
    }

    [Fact]
    public void A_broken_xlsx_is_refused_whole_in_vietnamese()
    {
        var report = Importer.ImportFile([.. "PK\u0003\u0004"u8, 1, 2, 3], "hong.xlsx", "cli");

        Assert.Contains("Không đọc được tệp Excel", report.Rejected, StringComparison.Ordinal);
        Assert.Equal(0, _bot.Get<DossierBook>().Count());
    }

    [Fact]
    public void The_preview_lists_new_updated_and_bad_rows_and_writes_nothing()
    {
        Importer.Import(new StringReader("Mã hồ sơ;Tên thủ tục;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái\nHS-2411-0001;Khai sinh;Trực tiếp;01/11/2026;10/11/2026;Đã tiếp nhận"));
        var file = Utf8("Mã hồ sơ;Tên thủ tục;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái\n"
            + "HS-2411-0001;Khai sinh;Trực tiếp;01/11/2026;15/11/2026;Đang xử lý\n"
            + "HS-2411-0002;Kết hôn;Trực tiếp;01/11/2026;10/11/2026;Đã tiếp nhận\n"
            + "HS-2411-0003;Kết hôn;Trực tiếp;01/11/2026;31/02/2026;Đã tiếp nhận\n");

        var preview = Importer.Preview(file);

        Assert.Equal("HS-2411-0002", Assert.Single(preview.Created).Dossier.Code);
        var updated = Assert.Single(preview.Updated);
        Assert.Equal(2, updated.Line);
        Assert.Contains("Trạng thái: Đã tiếp nhận → Đang giải quyết", updated.Changes);
        Assert.Contains("Ngày hẹn trả: 10/11/2026 → 15/11/2026", updated.Changes);
        Assert.Equal(4, Assert.Single(preview.Errors).Line);
        Assert.Null(_bot.Get<DossierBook>().Get("HS-2411-0002"));
        Assert.Equal(DossierStatus.Received, _bot.Get<DossierBook>().Get("HS-2411-0001")!.Status);
    }

    [Fact]
    public void The_templates_import_as_they_are()
    {
        Assert.Equal(1, Importer.ImportFile(DossierTemplate.Csv(), "mau.csv", "cli").Created);
        Assert.Equal(1, Importer.ImportFile(DossierTemplate.Xlsx(), "mau.xlsx", "cli").Unchanged);
    }
}
