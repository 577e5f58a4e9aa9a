using System.Globalization;
using System.Text;
using CitizenBot.Core.Commune;
using CitizenBot.EndToEnd.Faults;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host.Jobs;

namespace CitizenBot.EndToEnd.Privacy;

/// <summary>
/// The Law on Denunciation makes a denouncer's identity a secret: after a denunciation, a leader reading it, a
/// checkpoint and a stop of the real host process, no file in the data folder holds the name or any run of the phone's digits.
/// </summary>
[Collection(nameof(KillCollection))]
public sealed class DenouncerAtRestTests : IAsyncLifetime
{
    private const long Denouncer = 7404;
    private const long Leader = 9104;
    private const string Name = "Hoàng Thị Mỹ Duyên";
    private const string Phone = "0326 918 457";
    private const string Content = "Cán bộ địa chính xã nhận tiền của dân để làm nhanh thủ tục cấp giấy chứng nhận, đề nghị lãnh đạo xã xác minh.";
    private readonly TempDataDir _dir = new();
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        _dir.Dispose();
    }

    [SkippableFact]
    public async Task After_a_denunciation_a_leaders_reading_a_checkpoint_and_a_stop_no_data_file_holds_the_name_or_phone_digits()
    {
        Skip.If(OperatingSystem.IsWindows(), "The host is stopped with SIGTERM.");
        await using var host = await HostProcess.StartAsync(_dir.Path, _telegram);
        _telegram.SendText(RunningBot.OfficersChat, $"/capquyen {Leader} lanhdao", "supergroup", RunningBot.AdminId);
        await _telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền");

        var code = await _telegram.SubmitPetitionAsync(Denouncer, "Tố cáo", "Cán bộ, công chức", Name, Phone, Content);
        _telegram.SendText(Leader, $"/xemdon {code}", "private", Leader);
        var details = await _telegram.WaitForAsync(Leader, "Người gửi: " + Name);
        Assert.Contains(Phone.Replace(" ", "", StringComparison.Ordinal), details.Text, StringComparison.Ordinal);
        _telegram.SendText(Leader, $"/traloidon {code} UBND xã đã xác minh và xử lý theo quy định.", "private", Leader);
        await _telegram.WaitForAsync(Denouncer, "đã xác minh và xử lý theo quy định");
        await host.RunJobAsync(CitizenBotJobs.CheckpointId);
        await host.StopAsync();

        var files = Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => Path.GetFileName(f) == "citizenbot.db");
        var found = files.SelectMany(file => Secrets().Where(secret => Contains(File.ReadAllBytes(file), secret.Bytes))
            .Select(secret => $"{Path.GetFileName(file)}: {secret.Label}")).ToList();
        Assert.True(found.Count == 0, "The denouncer's identity is at rest in clear:\n" + string.Join('\n', found));
    }

    /// <summary>The name as typed and folded without diacritics, and every run of four or more of the phone's digits, in UTF-8 and UTF-16.</summary>
    private static IEnumerable<(string Label, byte[] Bytes)> Secrets()
    {
        var digits = Phone.Replace(" ", "", StringComparison.Ordinal);
        var texts = new List<string> { Name, TextMatching.Fold(Name), "Hoang Thi My Duyen", Name.ToUpper(CultureInfo.InvariantCulture) };
        texts.AddRange(Enumerable.Range(0, digits.Length - 3).Select(i => digits.Substring(i, 4)));
        foreach (var text in texts)
        {
            yield return ($"\"{text}\" (UTF-8)", Encoding.UTF8.GetBytes(text));
            yield return ($"\"{text}\" (UTF-16)", Encoding.Unicode.GetBytes(text));
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
