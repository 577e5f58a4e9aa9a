using System.Net.Http.Json;
using CitizenBot.Core.Guide;
using CitizenBot.Core.Storage;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.Officer;

namespace CitizenBot.Host.Cli;

/// <summary>
/// <c>import guide FILE.xlsx|FILE.csv</c>: imports the procedures guide into the data folder directly when no host
/// runs, or hands the file to the running host's officer endpoint when one holds the folder. Rows marked
/// "Đã xác nhận: có" are confirmed by the importing officer ("cli"); the others wait for a confirmation.
/// </summary>
public static class GuideImportCommand
{
    public const string CliActor = "cli";

    public static async Task<int> RunAsync(HostSettings settings, string file, TextWriter output)
    {
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"Không tìm thấy tệp: {file}");
            return 2;
        }

        var content = await File.ReadAllBytesAsync(file);
        GuideImportReport? report;
        if (CitizenDatabase.IsInUse(settings.DataDir))
        {
            report = await ThroughHostAsync(settings, content, output);
            if (report is null)
            {
                return 3;
            }
        }
        else
        {
            using var db = settings.OpenDatabase(output);
            report = new GuideImporter(new GuideBook(db, TimeProvider.System)).ImportFile(content, CliActor);
            if (report.Rejected is { } rejected)
            {
                await output.WriteLineAsync(rejected);
                return 1;
            }

            await output.WriteLineAsync("Đã nhập hướng dẫn thủ tục trực tiếp vào thư mục dữ liệu (bot không chạy).");
        }

        await output.WriteLineAsync($"Thêm mới: {report.Created}, cập nhật: {report.Updated}, không đổi: {report.Unchanged}, xác nhận: {report.Confirmed}, dòng lỗi: {report.Errors.Count}");
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync($"  Dòng {error.Line}: {error.Reason}");
        }

        if (report.Created + report.Updated > report.Confirmed)
        {
            await output.WriteLineAsync("Các thủ tục mới hoặc đã sửa mà chưa ghi \"có\" ở cột \"Đã xác nhận\" chỉ hiện cho công dân sau khi cán bộ xác nhận.");
        }

        return report.Errors.Count == 0 ? 0 : 1;
    }

    private static async Task<GuideImportReport?> ThroughHostAsync(HostSettings settings, byte[] content, TextWriter output)
    {
        var token = OfficerToken.Read(settings.OfficerToken, settings.DataDir);
        var baseUrl = settings.Urls.Split(';')[0].TrimEnd('/');
        if (token is null)
        {
            await output.WriteLineAsync("Bot đang chạy nhưng không tìm thấy mã truy cập cán bộ (Officer:Token hoặc tệp officer-token).");
            return null;
        }

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var body = new ByteArrayContent(content);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/officer/api/guide/import") { Content = body };
        request.Headers.Add(OfficerToken.HeaderName, token);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadAsStringAsync();
                await output.WriteLineAsync($"Bot đang chạy nhưng từ chối yêu cầu nhập: HTTP {(int)response.StatusCode}. {error}");
                return null;
            }

            await output.WriteLineAsync($"Bot đang chạy: đã gửi tệp cho bot tại {baseUrl} để nhập.");
            return await response.Content.ReadFromJsonAsync<GuideImportReport>();
        }
        catch (HttpRequestException ex)
        {
            await output.WriteLineAsync($"Thư mục dữ liệu đang được một tiến trình khác dùng, nhưng không kết nối được tới {baseUrl}: {ex.Message}");
            return null;
        }
    }
}
