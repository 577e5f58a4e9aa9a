using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.Officer;

namespace CitizenBot.Host.Cli;

/// <summary>
/// <c>officers add NAME --role ROLE [--display "Full Name"]</c>, <c>officers list</c>, <c>officers reset NAME</c>,
/// <c>officers disable NAME</c>, <c>officers enable NAME</c>, <c>officers unlock NAME</c>: personal accounts from the server's
/// shell. Writes into the data folder directly when no bot runs, or hands the work to the running bot's officer API (with the
/// token from the data folder), as <see cref="ImportCommand"/> does. Exit codes: 0 done, 1 refused (a clear reason printed),
/// 2 wrong usage, 3 the data folder or the running bot could not be reached.
/// </summary>
public static class OfficersCommand
{
    public const string Usage = """
        Usage: dotnet run --project src/CitizenBot.Host -- officers add NAME --role canbo|lanhdao|quantri [--display "Họ tên"]
               dotnet run --project src/CitizenBot.Host -- officers list
               dotnet run --project src/CitizenBot.Host -- officers reset|disable|enable|unlock NAME
        """;

    /// <summary>Who the audit log names for a change made directly in the data folder.</summary>
    public const string Actor = "cli";

    /// <summary>The command's own words (verb, name, --role, --display) apart from the settings (--Key=Value) that follow or surround them.</summary>
    public sealed record Parsed(string Verb, string? Name, string? Role, string? Display, string[] Settings);

    /// <summary>Splits "officers add lan --role canbo --display "Lan" --Storage:DataDir=x"; null (with the reason written) when it is not a valid use.</summary>
    public static Parsed? Parse(string[] args, TextWriter error)
    {
        var words = new List<string>();
        var settings = new List<string>();
        string? role = null, display = null;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--role" or "--display")
            {
                if (i + 1 >= args.Length)
                {
                    error.WriteLine($"Thiếu giá trị sau {arg}.");
                    return null;
                }

                if (arg == "--role")
                {
                    role = args[++i];
                }
                else
                {
                    display = args[++i];
                }
            }
            else if (arg.StartsWith("--role=", StringComparison.Ordinal))
            {
                role = arg["--role=".Length..];
            }
            else if (arg.StartsWith("--display=", StringComparison.Ordinal))
            {
                display = arg["--display=".Length..];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) || (settings.Count > 0 && !settings[^1].Contains('=', StringComparison.Ordinal)))
            {
                settings.Add(arg);
            }
            else
            {
                words.Add(arg);
            }
        }

        var verb = words.Count > 0 ? words[0] : "";
        var name = words.Count > 1 ? words[1] : null;
        var valid = verb switch
        {
            "list" => words.Count == 1,
            "add" => words.Count == 2 && role is not null,
            "reset" or "disable" or "enable" or "unlock" => words.Count == 2,
            _ => false,
        };
        if (!valid)
        {
            error.WriteLine(verb == "add" && words.Count == 2 && role is null ? "Thiếu vai trò: --role canbo|lanhdao|quantri." : Usage);
            return null;
        }

        return new Parsed(verb, name, role, display, [.. settings]);
    }

    public static async Task<int> RunAsync(HostSettings settings, Parsed command, TextWriter output)
    {
        if (command.Verb == "add" && RoleNames.Parse(command.Role) is not (>= UserRole.Officer))
        {
            await output.WriteLineAsync($"Vai trò \"{command.Role}\" không hợp lệ: canbo, lanhdao hoặc quantri (officer, leader, admin).");
            return 1;
        }

        if (CitizenDatabase.IsInUse(settings.DataDir))
        {
            return await ThroughBotAsync(settings, command, output);
        }

        using var db = settings.OpenDatabase(output);
        var roles = new UserRoles(db, new RoleOptions(), TimeProvider.System);
        var accounts = new OfficerAccounts(db, roles, TimeProvider.System, new AccountLockoutPolicy());
        var name = command.Name;
        switch (command.Verb)
        {
            case "list":
                await PrintAsync(output, accounts.List().Select(v => new AccountLine(v.Account.Id, v.Account.DisplayName, RoleNames.Of(v.Role),
                    v.Account.LastLoginAt, v.Locked, v.Account.Disabled, v.Account.MustChangePassword)));
                return 0;
            case "add":
                return await ReportAsync(output, accounts.Create(name, command.Display, RoleNames.Parse(command.Role)!.Value, Actor), name, "Đã tạo tài khoản");
            case "reset":
                return await ReportAsync(output, accounts.ResetPassword(name, Actor), name, "Đã đặt lại mật khẩu cho");
            case "disable":
                return await ReportAsync(output, accounts.SetDisabled(name, true, Actor), name, "Đã ngừng tài khoản");
            case "enable":
                return await ReportAsync(output, accounts.SetDisabled(name, false, Actor), name, "Tài khoản hoạt động lại:");
            default:
                return await ReportAsync(output, accounts.Unlock(name, Actor), name, "Đã mở khóa tài khoản");
        }
    }

    private sealed record AccountLine(string Login, string DisplayName, string RoleName, DateTimeOffset? LastLoginAt, bool Locked, bool Disabled, bool MustChangePassword);

    private static async Task PrintAsync(TextWriter output, IEnumerable<AccountLine> accounts)
    {
        var any = false;
        foreach (var a in accounts)
        {
            any = true;
            var state = string.Join(", ", new[]
            {
                a.Disabled ? "đã ngừng" : null, a.Locked ? "tạm khóa" : null, a.MustChangePassword ? "chưa đổi mật khẩu lần đầu" : null,
            }.Where(s => s is not null));
            var last = a.LastLoginAt is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "chưa đăng nhập";
            await output.WriteLineAsync($"{a.Login}\t{a.DisplayName}\t{a.RoleName}\t{last}\t{(state.Length == 0 ? "hoạt động" : state)}");
        }

        if (!any)
        {
            await output.WriteLineAsync("Chưa có tài khoản nào.");
        }
    }

    private static async Task<int> ReportAsync(TextWriter output, AccountOutcome outcome, string? name, string done)
    {
        if (!outcome.Ok)
        {
            await output.WriteLineAsync(outcome.Error);
            return 1;
        }

        var login = OfficerAccounts.NormalizeLogin(name) ?? name;
        await output.WriteLineAsync($"{done} {login}.");
        await PrintFirstPasswordAsync(output, outcome.FirstPassword);
        return 0;
    }

    private static async Task PrintFirstPasswordAsync(TextWriter output, string? password)
    {
        if (password is not null)
        {
            await output.WriteLineAsync($"Mật khẩu lần đầu: {password}");
            await output.WriteLineAsync("Xin đưa mật khẩu này tận tay cho người dùng; lần đầu đăng nhập họ phải đổi mật khẩu. Mật khẩu không được lưu ở đâu để xem lại.");
        }
    }

    private static async Task<int> ThroughBotAsync(HostSettings settings, Parsed command, TextWriter output)
    {
        var token = OfficerToken.Read(settings.OfficerToken, settings.DataDir);
        var baseUrl = settings.Urls.Split(';')[0].TrimEnd('/');
        if (token is null)
        {
            await output.WriteLineAsync("Bot đang chạy nhưng không tìm thấy mã truy cập cán bộ (Officer:Token hoặc tệp officer-token).");
            return 3;
        }

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };
        http.DefaultRequestHeaders.Add(OfficerToken.HeaderName, token);
        var name = Uri.EscapeDataString(command.Name ?? "");
        try
        {
            using var response = command.Verb switch
            {
                "list" => await http.GetAsync("/officer/api/accounts"),
                "add" => await http.PostAsJsonAsync("/officer/api/accounts", new AccountApiRequest(command.Name, command.Display, command.Role)),
                _ => await http.PostAsync($"/officer/api/accounts/{name}/{command.Verb}", null),
            };
            var body = await ReadAsync(response);
            if (!response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync(body is { } json && json.TryGetProperty("error", out var error)
                    ? error.GetString()
                    : $"Bot đang chạy nhưng từ chối yêu cầu: HTTP {(int)response.StatusCode}.");
                return (int)response.StatusCode is 400 or 404 ? 1 : 3;
            }

            await output.WriteLineAsync($"Bot đang chạy tại {baseUrl}: đã gửi yêu cầu cho bot.");
            if (command.Verb == "list")
            {
                await PrintAsync(output, body!.Value.EnumerateArray().Select(a => new AccountLine(
                    a.GetProperty("login").GetString()!, a.GetProperty("displayName").GetString()!, a.GetProperty("roleName").GetString()!,
                    a.GetProperty("lastLoginAt").ValueKind == JsonValueKind.Null ? null : a.GetProperty("lastLoginAt").GetDateTimeOffset(),
                    a.GetProperty("locked").GetBoolean(), a.GetProperty("disabled").GetBoolean(), a.GetProperty("mustChangePassword").GetBoolean())));
                return 0;
            }

            var done = command.Verb switch
            {
                "add" => "Đã tạo tài khoản",
                "reset" => "Đã đặt lại mật khẩu cho",
                "disable" => "Đã ngừng tài khoản",
                "enable" => "Tài khoản hoạt động lại:",
                _ => "Đã mở khóa tài khoản",
            };
            await output.WriteLineAsync($"{done} {OfficerAccounts.NormalizeLogin(command.Name) ?? command.Name}.");
            await PrintFirstPasswordAsync(output, body is { } b && b.TryGetProperty("password", out var password) ? password.GetString() : null);
            return 0;
        }
        catch (HttpRequestException ex)
        {
            await output.WriteLineAsync($"Thư mục dữ liệu đang được một tiến trình khác dùng, nhưng không kết nối được tới {baseUrl}: {ex.Message}");
            return 3;
        }
    }

    private sealed record AccountApiRequest(string? Login, string? DisplayName, string? Role);

    private static async Task<JsonElement?> ReadAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
