using System.Text;
using CitizenBot.Core.Dossiers;
using CitizenBot.EndToEnd.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CitizenBot.EndToEnd.Console;

/// <summary>The dossiers page: a one-stop desk's Vietnamese export imported with a preview, then a dossier found by its code.</summary>
public sealed class DossierConsoleTests() : ConsoleTestHost()
{
    private static readonly string DeskExport =
        "Mã hồ sơ;Tên thủ tục;Lĩnh vực;Người nộp;Số điện thoại;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái;Ngày trả kết quả\r\n"
        + "HS-2611-0001;Đăng ký khai sinh;Hộ tịch;Nguyễn Văn An;0912345678;Trực tiếp;02/11/2026 08:30;05/11/2026;Đã trả kết quả;05/11/2026 10:00\r\n"
        + "HS-2611-0002;Chứng thực bản sao từ bản chính;Chứng thực;Lê Thị Bình;0987654321;trực tiếp;20/11/2026;27/11/2026;Đang xử lý;\r\n"
        + "HS-2611-0003;Đăng ký kết hôn;Hộ tịch;Trần Văn Cường;0911111111;Qua bưu điện;31/11/2026;05/12/2026;Đã tiếp nhận;\r\n";

    [Fact]
    public async Task A_vietnamese_desk_export_is_previewed_imported_updated_from_excel_and_found_by_code()
    {
        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/dossiers");

        await page.GetByLabel("Tệp CSV hoặc Excel").SetInputFilesAsync(new FilePayload
        {
            Name = "mot-cua-thang-11.csv", MimeType = "text/csv", Buffer = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(DeskExport)],
        });
        await page.Locator("#previewImport").ClickAsync();

        await page.Locator("#preview").WaitForAsync();
        Assert.Equal(2, await page.Locator("#preview-new tbody tr").CountAsync());
        var bad = await page.Locator("#preview-errors tbody tr").InnerTextAsync();
        Assert.Contains("4", bad, StringComparison.Ordinal);
        Assert.Contains("31/11/2026", bad, StringComparison.Ordinal);
        Assert.Equal(0, Bot.Get<DossierBook>().Count());
        await ConsoleBrowser.ScreenshotAsync(page, "console-dossiers-desk");

        await page.Locator("#applyImport").ClickAsync();
        await page.Locator("p.notice").GetByText("thêm mới 2, cập nhật 0, không đổi 0, dòng lỗi bỏ qua 1").WaitForAsync();
        Assert.Equal(DossierChannel.Direct, Bot.Get<DossierBook>().Get("HS-2611-0002")!.Channel);

        // The next day's export, from Excel: one dossier's result is ready and its due date moved.
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            new Dictionary<string, object>
            {
                ["Mã hồ sơ"] = "HS-2611-0002", ["Tên thủ tục"] = "Chứng thực bản sao từ bản chính", ["Lĩnh vực"] = "Chứng thực", ["Chủ hồ sơ"] = "Lê Thị Bình",
                ["Số điện thoại"] = "0987654321", ["Hình thức nộp"] = "Trực tiếp", ["Ngày tiếp nhận"] = new DateTime(2026, 11, 20),
                ["Ngày hẹn trả"] = new DateTime(2026, 11, 26), ["Trạng thái"] = "Đã giải quyết", ["Ngày trả kết quả"] = new DateTime(2026, 11, 24, 9, 0, 0),
            },
        });
        await page.GetByLabel("Tệp CSV hoặc Excel").SetInputFilesAsync(new FilePayload
        {
            Name = "mot-cua.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx.ToArray(),
        });
        await page.Locator("#previewImport").ClickAsync();
        var change = await page.Locator("#preview-updated tbody tr").InnerTextAsync();
        Assert.Contains("Trạng thái: Đang giải quyết → Đã có kết quả", change, StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn trả: 27/11/2026 → 26/11/2026", change, StringComparison.Ordinal);
        await page.Locator("#applyImport").ClickAsync();
        await page.Locator("p.notice").GetByText("cập nhật 1").WaitForAsync();

        await page.GetByLabel("Mã hồ sơ").FillAsync("hs 2611 0002");
        await page.Locator("#findDossier").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ HS-2611-0002" }).WaitForAsync();
        Assert.Equal("Đã có kết quả", await page.Locator("#dossier-status").InnerTextAsync());
        Assert.Equal(3, await page.Locator("#history tbody tr").CountAsync());
        Assert.Contains("0 người đang theo dõi", await page.Locator("#followers").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("0987654321", await page.ContentAsync(), StringComparison.Ordinal);

        var phone = await Browser.OfficerAsync(Bot, ConsoleBrowser.Phone);
        await phone.GotoAsync(Bot.BaseUrl + "/officer/dossiers/HS-2611-0002");
        await ConsoleBrowser.ScreenshotAsync(phone, "console-dossiers-phone");
    }

    [Fact]
    public async Task An_unknown_code_and_a_missing_file_are_explained_next_to_their_fields_and_templates_download()
    {
        var page = await Browser.OfficerAsync(Bot);
        await page.GotoAsync(Bot.BaseUrl + "/officer/dossiers");

        await page.GetByLabel("Mã hồ sơ").FillAsync("HS-2611-9999");
        await page.Locator("#findDossier").ClickAsync();
        await page.GetByText("Không tìm thấy hồ sơ có mã \"HS-2611-9999\".").WaitForAsync();

        await page.Locator("#previewImport").ClickAsync();
        await page.GetByText("Xin chọn tệp CSV hoặc Excel (.xlsx) cần nhập.").WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel (.xlsx)" }).ClickAsync());
        Assert.Equal("mau-nhap-ho-so.xlsx", download.SuggestedFilename);
        var template = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Single(Bot.Get<DossierImporter>().Preview(template).Created);
    }
}
