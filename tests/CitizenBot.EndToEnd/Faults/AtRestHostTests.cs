using System.Security.Cryptography;
using System.Text;
using CitizenBot.Core.Storage;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Cli;
using CitizenBot.Host.Configuration;
using LiteDB;
using Microsoft.Extensions.Configuration;

namespace CitizenBot.EndToEnd.Faults;

/// <summary>
/// The real host on an encrypted data folder: killed with SIGKILL mid-booking its files hold nothing readable and it starts
/// again where it was; started with another identity key it stops with one line naming the settings; started on an older
/// unencrypted database it converts it and says so once.
/// </summary>
[Collection(nameof(KillCollection))]
public sealed class AtRestHostTests : HostFolderTests
{
    private const long Citizen = 7701;
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private Task<HostProcess> StartAsync(string key, bool waitReady = true, string logLevel = "Warning") =>
        HostProcess.StartAsync(Dir.Path, Telegram, waitReady, new Dictionary<string, string>
        {
            ["CITIZENBOT_IDENTITY_KEY"] = key,
            ["Logging__LogLevel__Microsoft.AspNetCore.Builder.WebApplication"] = logLevel,
        });

    private static bool Readable(string folder, params string[] needles)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(path);
            if (needles.Any(n => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task Killed_mid_booking_the_files_hold_nothing_readable_another_key_is_refused_and_the_right_key_goes_on()
    {
        await using (var host = await StartAsync(KeyA))
        {
            Telegram.SendText(Citizen, "/start");
            await Telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
            Telegram.Press(Citizen, "Đặt lịch tiếp công dân");
            await Telegram.WaitForAsync(Citizen, "Mời ông/bà chọn ngày");
            Telegram.Press(Citizen, "chỗ");
            await Telegram.WaitForAsync(Citizen, "Mời ông/bà chọn giờ");
            Telegram.Press(Citizen, "–");
            await Telegram.WaitForAsync(Citizen, "trình bày về việc gì");
            Telegram.Press(Citizen, "Đất đai");
            await Telegram.WaitForAsync(Citizen, "nói ngắn gọn nội dung");
            Telegram.SendText(Citizen, "Tranh chấp ranh giới với nhà hàng xóm");
            await Telegram.WaitForAsync(Citizen, "họ và tên");
            Telegram.SendText(Citizen, "Hoàng Thị Mai");
            await Telegram.WaitForAsync(Citizen, "số điện thoại để cán bộ liên hệ");
            Telegram.SendText(Citizen, "0945 678 123");
            await Telegram.WaitForAsync(Citizen, "kiểm tra lại thông tin đặt lịch");
            Telegram.Press(Citizen, "✅ Có");
            await Telegram.WaitForAsync(Citizen, "Đã đặt lịch thành công");
            host.Kill();
        }

        Assert.True(new FileInfo(Path.Combine(Dir.Path, CitizenDatabase.LogFileName)).Length > 8192, "The kill should leave the writes in the log.");
        Assert.False(Readable(Dir.Path, "Hoàng Thị Mai", "Hoang Thi Mai", "0945678123", "0945 678 123", "Tranh chấp ranh giới"));

        await using (var wrong = await StartAsync(KeyB, waitReady: false))
        {
            Assert.True(await wrong.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The host kept running under another key.");
            Assert.Equal(3, wrong.ExitCode);
            Assert.Contains("encrypted under another identity key", wrong.Output, StringComparison.Ordinal);
            Assert.Contains("Petitions:IdentityKey, CITIZENBOT_IDENTITY_KEY or Petitions:IdentityKeyFile", wrong.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", wrong.Output, StringComparison.Ordinal);
        }

        await using (var again = await StartAsync(KeyA))
        {
            var menus = Telegram.SentTo(Citizen).Count(m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal));
            Telegram.SendText(Citizen, "menu");
            await Telegram.WaitForAsync(Citizen, "cần giúp gì", skip: menus);
            await again.StopAsync();
        }

        using var db = CitizenDatabase.Open(Dir.Path, () => Convert.FromBase64String(KeyA));
        var booking = db.Collection<BsonDocument>("bookings").FindAll().Single();
        Assert.Equal("Hoàng Thị Mai", booking["Name"].AsString);
    }

    [Fact]
    public async Task An_older_unencrypted_database_is_converted_at_start_and_the_host_says_so_once()
    {
        using (var plain = new LiteDatabase(new ConnectionString { Filename = Path.Combine(Dir.Path, CitizenDatabase.FileName), Connection = ConnectionType.Direct }))
        {
            plain.GetCollection("notes").Insert(new BsonDocument { ["Text"] = "Ghi chú của Đinh Văn Sơn" });
        }

        Assert.True(Readable(Dir.Path, "Đinh Văn Sơn"));
        await using (var host = await StartAsync(KeyA, logLevel: "Information"))
        {
            await host.StopAsync();
            Assert.Single(host.Output.Split('\n'), l => l.Contains("The unencrypted database was converted to an encrypted one: 1 records in 1 collections", StringComparison.Ordinal));
            Assert.DoesNotContain("Đinh Văn Sơn", host.Output, StringComparison.Ordinal);
        }

        Assert.False(Readable(Dir.Path, "Đinh Văn Sơn"));
        await using (var second = await StartAsync(KeyA, logLevel: "Information"))
        {
            await second.StopAsync();
            Assert.DoesNotContain("was converted", second.Output, StringComparison.Ordinal);
        }

        using var db = CitizenDatabase.Open(Dir.Path, () => Convert.FromBase64String(KeyA));
        Assert.Equal("Ghi chú của Đinh Văn Sơn", db.Collection<BsonDocument>("notes").FindAll().Single()["Text"].AsString);
    }

    [Fact]
    public async Task A_console_command_run_first_after_the_upgrade_converts_the_database_and_tells_the_officer()
    {
        using (var plain = new LiteDatabase(new ConnectionString { Filename = Path.Combine(Dir.Path, CitizenDatabase.FileName), Connection = ConnectionType.Direct }))
        {
            plain.GetCollection("notes").Insert(new BsonDocument { ["Text"] = "Ghi chú của Đinh Văn Sơn" });
        }

        var settings = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDir"] = Dir.Path,
            ["Petitions:IdentityKey"] = KeyA,
            ["Commune:Name"] = "UBND xã Thử Nghiệm",
            ["Commune:Villages:0"] = "Thôn Một",
        }).Build());
        using var output = new StringWriter();
        var parsed = OfficersCommand.Parse(["officers", "list"], output);
        Assert.NotNull(parsed);

        Assert.Equal(0, await OfficersCommand.RunAsync(settings, parsed, output));

        Assert.Contains("Đã mã hóa cơ sở dữ liệu cũ (trước đây chưa mã hóa): 1 bản ghi trong 1 bảng.", output.ToString(), StringComparison.Ordinal);
        Assert.False(Readable(Dir.Path, "Đinh Văn Sơn"));
        using var db = CitizenDatabase.Open(Dir.Path, () => Convert.FromBase64String(KeyA));
        Assert.Null(db.Converted);
        Assert.Equal("Ghi chú của Đinh Văn Sơn", db.Collection<BsonDocument>("notes").FindAll().Single()["Text"].AsString);
    }
}
