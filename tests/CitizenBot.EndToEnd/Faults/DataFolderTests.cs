using System.Diagnostics;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Storage;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Faults;

/// <summary>
/// The data folder fills up under a running host: clear errors in the log, no corruption, and the
/// host carries on once space or write access is back. Needs a small tmpfs (root with mount rights); skipped elsewhere.
/// </summary>
[Collection(nameof(KillCollection))]
public sealed class DataFolderTests : IAsyncLifetime
{
    private const long Citizen = 7601;
    private readonly string _mount = Path.Combine(Path.GetTempPath(), "citizenbot-e2e-tmpfs", Guid.NewGuid().ToString("n"));
    private bool _mounted;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_mount);
        _mounted = Run("mount", $"-t tmpfs -o size=8m tmpfs {_mount}");
        _telegram = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        if (_mounted)
        {
            Run("umount", $"-l {_mount}");
        }

        Directory.Delete(_mount, recursive: true);
    }

    private static bool Run(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private async Task ConverseAsync()
    {
        var before = _telegram.SentTo(Citizen).Count(m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal));
        _telegram.SendText(Citizen, "menu");
        await _telegram.WaitForAsync(Citizen, "cần giúp gì", skip: before, timeout: TimeSpan.FromSeconds(30));
    }

    [SkippableFact]
    public async Task A_full_data_folder_is_reported_clearly_and_the_host_recovers_without_corruption()
    {
        Skip.IfNot(_mounted, "No tmpfs could be mounted here (needs root with mount rights).");
        var data = Path.Combine(_mount, "data");
        await using (var host = await HostProcess.StartAsync(data, _telegram))
        {
            await ConverseAsync();

            // Fill the folder to the last byte.
            var filler = Path.Combine(_mount, "filler");
            await using (var stream = File.Create(filler))
            {
                try
                {
                    var block = new byte[64 * 1024];
                    while (true)
                    {
                        stream.Write(block);
                        stream.Flush();
                    }
                }
                catch (IOException)
                {
                }
            }

            var sent = _telegram.SentTo(Citizen).Count;
            for (var i = 0; i < 5; i++)
            {
                _telegram.SendText(Citizen, $"Xin hỏi lần {i} về thủ tục chứng thực bản sao giấy tờ?");
            }

            await WaitUntilAsync(() => host.Output.Contains("No space left on device", StringComparison.Ordinal) || host.Output.Contains("disk full", StringComparison.OrdinalIgnoreCase));
            await Task.Delay(1000);
            Assert.False(host.HasExited, "The host died of a full disk:\n" + host.Output);

            File.Delete(filler);
            await ConverseAsync();
            Assert.True(_telegram.SentTo(Citizen).Count > sent);
        }

        using var db = TestDatabase.Open(data);
        Assert.NotNull(db.Collection<ConversationRecord>(ConversationStore.CollectionName).FindById("telegram:" + Citizen));
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(100);
        }
    }
}
