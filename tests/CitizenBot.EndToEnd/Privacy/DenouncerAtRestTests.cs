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
public sealed class DenouncerAtRestTests : HostFolderTests
{
    private const long Denouncer = 7404;
    private const long Leader = 9104;
    private const string Name = "Hoàng Thị Mỹ Duyên";
    private const string Phone = "0326 918 457";
    private const string Content = "Cán bộ địa chính xã nhận tiền của dân để làm nhanh thủ tục cấp giấy chứng nhận, đề nghị lãnh đạo xã xác minh.";

    [SkippableFact]
    public async Task After_a_denunciation_a_leaders_reading_a_checkpoint_and_a_stop_no_data_file_holds_the_name_or_phone_digits()
    {
        Skip.If(OperatingSystem.IsWindows(), "The host is stopped with SIGTERM.");
        await using var host = await HostProcess.StartAsync(Dir.Path, Telegram);
        Telegram.SendText(RunningBot.OfficersChat, $"/capquyen {Leader} lanhdao", "supergroup", RunningBot.AdminId);
        await Telegram.WaitForAsync(RunningBot.OfficersChat, "Đã cấp quyền");

        var code = await Telegram.SubmitPetitionAsync(Denouncer, "Tố cáo", "Cán bộ, công chức", Name, Phone, Content);
        Telegram.SendText(Leader, $"/xemdon {code}", "private", Leader);
        var details = await Telegram.WaitForAsync(Leader, "Người gửi: " + Name);
        Assert.Contains(Phone.Replace(" ", "", StringComparison.Ordinal), details.Text, StringComparison.Ordinal);
        Telegram.SendText(Leader, $"/traloidon {code} UBND xã đã xác minh và xử lý theo quy định.", "private", Leader);
        await Telegram.WaitForAsync(Denouncer, "đã xác minh và xử lý theo quy định");
        await host.RunJobAsync(CitizenBotJobs.CheckpointId);
        await host.StopAsync();

        var files = Directory.GetFiles(Dir.Path, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => Path.GetFileName(f) == "citizenbot.db");
        var found = files.SelectMany(file => Secrets().Where(secret => Contains(File.ReadAllBytes(file), secret.Bytes))
            .Select(secret => $"{Path.GetFileName(file)}: {secret.Label} in …{Around(File.ReadAllBytes(file), secret.Bytes)}…")).ToList();
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

    /// <summary>
    /// True when the needle occurs as text. A run of digits counts only where it stands in a number of its own (the phone in
    /// clear, "******8457"), not inside a random token made of letters and digits (a hex session id, a base64 hash), where any
    /// four digits turn up by chance.
    /// </summary>
    private static bool Contains(byte[] haystack, byte[] needle)
    {
        var step = needle.Length > 1 && needle[1] == 0 ? 2 : 1;
        var digitsOnly = needle.Where((b, i) => i % step == 0).All(b => char.IsAsciiDigit((char)b));
        for (var at = haystack.AsSpan().IndexOf(needle); at >= 0;)
        {
            if (!digitsOnly || !InsideToken(haystack, at, needle.Length, step))
            {
                return true;
            }

            var next = haystack.AsSpan(at + 1).IndexOf(needle);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>True when the letters and digits joined to the find, on either side, include a letter.</summary>
    private static bool InsideToken(byte[] text, int at, int length, int step)
    {
        bool IsChar(int i) => i >= 0 && i + step - 1 < text.Length && (step == 1 || text[i + 1] == 0) && char.IsAsciiLetterOrDigit((char)text[i]);
        for (var i = at - step; IsChar(i); i -= step)
        {
            if (char.IsAsciiLetter((char)text[i]))
            {
                return true;
            }
        }

        for (var i = at + length; IsChar(i); i += step)
        {
            if (char.IsAsciiLetter((char)text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The printable bytes around a find, so a failure says which record holds it (test data only).</summary>
    private static string Around(byte[] haystack, byte[] needle)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        var from = Math.Max(0, at - 48);
        var bytes = haystack.AsSpan(from, Math.Min(haystack.Length - from, needle.Length + 96));
        return new string([.. bytes.ToArray().Select(b => b is >= 32 and < 127 ? (char)b : '.')]);
    }
}
