using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// The real host as its own process (the built CitizenBot.Host.dll), on a data folder and a fake Bot API server,
/// so tests can kill it with SIGKILL at any moment and start it again on the same folder.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string OfficerToken = "kill-test-officer-token";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host; waits until its web page answers unless <paramref name="waitReady"/> is false.</summary>
    public static async Task<HostProcess> StartAsync(string dataDir, FakeBotApiServer telegram, bool waitReady = true, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CitizenBot.Host.dll"));
        start.ArgumentList.Add("--no-demo");
        var env = new Dictionary<string, string>
        {
            ["Storage__DataDir"] = dataDir,
            ["Web__Urls"] = $"http://127.0.0.1:{port}",
            ["Telegram__BotToken"] = "123456:TEST",
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["Telegram__RetryBaseDelayMs"] = "20",
            ["Telegram__OfficersChatId"] = RunningBot.OfficersChat.ToString(CultureInfo.InvariantCulture),
            ["Telegram__AdminUserIds__0"] = RunningBot.AdminId.ToString(CultureInfo.InvariantCulture),
            ["Commune__Name"] = "UBND xã Thử Nghiệm",
            ["Commune__Villages__0"] = "Thôn Một",
            ["Commune__Villages__1"] = "Thôn Hai",
            ["Officer__Token"] = OfficerToken,
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitReady)
        {
            await host.WaitReadyAsync();
        }

        return host;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not start:\n" + Output);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM: the host shuts down as a service manager would stop it, closing the database cleanly.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited && Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException("SIGTERM could not be sent to the host.");
        }

        if (!await WaitForExitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The host did not stop after SIGTERM:\n" + Output);
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public HttpClient Officer()
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Officer-Token", OfficerToken);
        return http;
    }

    /// <summary>Runs a recurring job now; right after a start the jobs may not be registered yet, so a 404 is tried again.</summary>
    public async Task RunJobAsync(string id)
    {
        using var http = Officer();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var response = await http.PostAsync($"/officer/api/jobs/{id}/run", null);
            if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
            {
                response.EnsureSuccessStatusCode();
                return;
            }

            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
