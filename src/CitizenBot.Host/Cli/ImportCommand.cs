using System.Net.Http.Json;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Storage;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.Officer;

namespace CitizenBot.Host.Cli;

/// <summary>
/// <c>import dossiers FILE.csv|FILE.xlsx</c>: imports into the data folder directly when no host runs, or hands the
/// file to the running host's officer endpoint when one holds the folder.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(HostSettings settings, string file, TextWriter output)
    {
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"Không tìm thấy tệp: {file}");
            return 2;
        }

        ImportReport? report;
        if (CitizenDatabase.IsInUse(settings.DataDir))
        {
            report = await ImportThroughHostAsync(settings, file, output);
            if (report is null)
            {
                return 3;
            }
        }
        else
        {
            using var db = settings.OpenDatabase(output);
            var clock = new CommuneClock(TimeProvider.System, settings.Commune);
            // Recorded like an upload, so an import cut short here is shown to officers too.
            var imports = new ImportBook(db, clock);
            imports.MarkInterrupted();
            report = new DossierImporter(new DossierBook(db), clock, imports).ImportFile(await File.ReadAllBytesAsync(file), Path.GetFileName(file), "cli");
            if (report.Rejected is { } rejected)
            {
                await output.WriteLineAsync(rejected);
                return 1;
            }

            await output.WriteLineAsync("Đã nhập trực tiếp vào thư mục dữ liệu (bot không chạy; thông báo cho người theo dõi sẽ gửi khi bot chạy).");
        }

        await output.WriteLineAsync($"Thêm mới: {report.Created}, cập nhật: {report.Updated}, không đổi: {report.Unchanged}, dòng lỗi: {report.ErrorCount}");
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync($"  Dòng {error.Line}: {error.Reason}");
        }

        if (report.ErrorCount > report.Errors.Count)
        {
            await output.WriteLineAsync($"  … và {report.ErrorCount - report.Errors.Count} dòng lỗi khác (chỉ liệt kê {report.Errors.Count} dòng đầu).");
        }

        return report.ErrorCount == 0 ? 0 : 1;
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<ImportReport?> ImportThroughHostAsync(HostSettings settings, string file, TextWriter output)
    {
        var token = OfficerToken.Read(settings.OfficerToken, settings.DataDir);
        var baseUrl = settings.Urls.Split(';')[0].TrimEnd('/');
        if (token is null)
        {
            await output.WriteLineAsync("Bot đang chạy nhưng không tìm thấy mã truy cập cán bộ (Officer:Token hoặc tệp officer-token).");
            return null;
        }

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        using var content = new StreamContent(File.OpenRead(file));
        // The host tells CSV from XLSX by the file's first bytes; the type is only a courtesy.
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
            file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/officer/api/dossiers/import?name=" + Uri.EscapeDataString(Path.GetFileName(file))) { Content = content };
        request.Headers.Add(OfficerToken.HeaderName, token);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                if (await ErrorOf(response) is { } error)
                {
                    await output.WriteLineAsync(error);
                }

                await output.WriteLineAsync($"Bot đang chạy nhưng từ chối yêu cầu nhập: HTTP {(int)response.StatusCode}.");
                return null;
            }

            await output.WriteLineAsync($"Bot đang chạy: đã gửi tệp cho bot tại {baseUrl} để nhập.");
            return await response.Content.ReadFromJsonAsync<ImportReport>();
        }
        catch (HttpRequestException ex)
        {
            await output.WriteLineAsync($"Thư mục dữ liệu đang được một tiến trình khác dùng, nhưng không kết nối được tới {baseUrl}: {ex.Message}");
            return null;
        }
    }
}
