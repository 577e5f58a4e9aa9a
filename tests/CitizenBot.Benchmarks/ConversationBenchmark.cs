using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CitizenBot.Channels.Telegram;
using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.EndToEnd.Support;
using CitizenBot.Host;
using CitizenBot.Host.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Whole conversations through the real Telegram.Bot client, the host's full pipeline and LiteDB, against the fake
/// Bot API server on 127.0.0.1; and the same script against a bare echo bot on the same client and server, the ceiling.
/// </summary>
public static class ConversationBenchmark
{
    private const string SectionTitle = "## Conversations and broadcast";
    private const string BroadcastIntro = "The broadcast runs against";
    private static readonly string[] Script = ["/start", "Tra cứu hồ sơ", "HS-DEMO-0001", "menu", "Đánh giá sự phục vụ", "menu"];

    public static async Task<int> RunAsync(Options options)
    {
        var rows = new List<string>();
        var notes = new List<string>();
        foreach (var citizens in options.CitizenCounts)
        {
            foreach (var what in new[] { "echo", "citizenbot" })
            {
                var printed = (await BenchmarkCommand.RunChildAsync(["conversations-measure", "--what", what, "--citizens", citizens.ToString(CultureInfo.InvariantCulture)])).Trim();
                Console.WriteLine(printed);
                foreach (var line in printed.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (line.StartsWith("note:", StringComparison.Ordinal))
                    {
                        notes.Add(line);
                    }
                    else if (line.StartsWith('|'))
                    {
                        rows.Add(line);
                    }
                }
            }
        }

        var line2 = BenchmarkCommand.TableRow(await BenchmarkCommand.RunChildAsync(["broadcast-measure"]));
        Console.WriteLine(line2);
        if (options.Out is { } output)
        {
            Write(output, options, rows, notes, line2);
        }

        return 0;
    }

    public static async Task<int> MeasureAsync(string what, int citizens)
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "citizenbot-bench-conv", Guid.NewGuid().ToString("n"));
        WebApplication? host = null;
        using var stop = new CancellationTokenSource();
        Task? echo = null;
        if (what == "citizenbot")
        {
            host = await StartHostAsync(telegram, data, new TelegramLimits(PerChatBurst: 1000, OverallPerSecond: 100_000), seedDemo: true);
        }
        else
        {
            echo = EchoAsync(telegram.BaseUrl, stop.Token);
        }

        // Every reply completes the waiter of its chat; a turn's latency runs from the update to its first reply.
        var waiters = new ConcurrentDictionary<long, TaskCompletionSource<DateTime>>();
        telegram.Recorded += sent =>
        {
            if (waiters.TryRemove(sent.ChatId, out var waiter))
            {
                waiter.TrySetResult(DateTime.UtcNow);
            }
        };

        // Warm-up, not measured: the same crowd once through the script, so the code runs tiered up as in a host that has
        // been up for a while (right after start .NET runs quickly-jitted code, several times slower), for the echo bot too.
        // Three rounds, each followed by a quiet pause in which .NET's background compiler catches up.
        for (var round = 0; round < 3; round++)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, citizens), new ParallelOptions { MaxDegreeOfParallelism = citizens },
                async (i, _) => await ConverseAsync(telegram, waiters, 1_000_000 * (round + 1) + i, []));
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        var latencies = new ConcurrentBag<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var commitsBefore = host?.Services.GetRequiredService<CitizenDatabase>().CommitCounts ?? (0, 0);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, citizens), new ParallelOptions { MaxDegreeOfParallelism = citizens },
            async (i, _) => await ConverseAsync(telegram, waiters, 10_000 + i, latencies));
        watch.Stop();
        var commitsAfter = host?.Services.GetRequiredService<CitizenDatabase>().CommitCounts ?? (0, 0);
        var commits = (Groups: commitsAfter.Groups - commitsBefore.Groups, Units: commitsAfter.Units - commitsBefore.Units);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - cpuBefore;
        await stop.CancelAsync();
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }

        var sorted = latencies.Order().ToList();
        var turns = sorted.Count;
        Console.WriteLine($"| {(what == "echo" ? "Bare echo bot (ceiling)" : "CitizenBot, full pipeline")} | {citizens} | {turns} | {turns / watch.Elapsed.TotalSeconds:0} | "
            + $"{Percentile(sorted, 50):0.0} ms | {Percentile(sorted, 99):0.0} ms | {BenchmarkCommand.Mb(Process.GetCurrentProcess().PeakWorkingSet64)} |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"note: {what} at {citizens}: {cpu / turns:0.00} ms of CPU per turn (client, fake server and bot together); {commits.Groups} group commits for {commits.Units} units of work ({(commits.Groups == 0 ? 0 : (double)commits.Units / commits.Groups):0.0} a group)"));
        TryDelete(data);
        return 0;
    }

    /// <summary>One citizen's scripted conversation: each turn waits for the bot's first reply.</summary>
    private static async Task ConverseAsync(FakeBotApiServer telegram, ConcurrentDictionary<long, TaskCompletionSource<DateTime>> waiters, long chat, ConcurrentBag<double> latencies)
    {
        foreach (var text in Script)
        {
            var waiter = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters[chat] = waiter;
            var sentAt = DateTime.UtcNow;
            telegram.SendText(chat, text);
            var answeredAt = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
            latencies.Add((answeredAt - sentAt).TotalMilliseconds);

            // The rest of a multi-message reply arrives before the next turn, as a citizen reads before answering.
            await Task.Delay(20);
        }
    }

    /// <summary>The ceiling: the same client and server, a bot that only echoes.</summary>
    private static async Task EchoAsync(string baseUrl, CancellationToken ct)
    {
        var client = new TelegramBotClient(new TelegramBotClientOptions("123456:TEST", baseUrl));
        var offset = 0;
        while (!ct.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await client.GetUpdates(offset, 100, 1, cancellationToken: ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await Parallel.ForEachAsync(updates, ct, async (update, token) =>
            {
                if (update.Message is { Text: { } text } message)
                {
                    await client.SendMessage(message.Chat.Id, text, cancellationToken: token);
                }
            });
            if (updates.Length > 0)
            {
                offset = updates[^1].Id + 1;
            }
        }
    }

    /// <summary>The broadcast alone: measures it and, with --out, replaces only its part of the section.</summary>
    public static async Task<int> RunBroadcastAsync(Options options)
    {
        var row = BenchmarkCommand.TableRow(await BenchmarkCommand.RunChildAsync(["broadcast-measure"]));
        Console.WriteLine(row);
        if (options.Out is not { } path)
        {
            return 0;
        }

        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var section = existing.IndexOf(SectionTitle, StringComparison.Ordinal);
        var start = section < 0 ? -1 : existing.IndexOf(BroadcastIntro, section, StringComparison.Ordinal);
        if (start < 0)
        {
            Console.Error.WriteLine($"{path} has no broadcast part to replace: run the conversations benchmark with --out first.");
            return 1;
        }

        var end = existing.IndexOf("\n## ", start, StringComparison.Ordinal);
        File.WriteAllText(path, existing[..start] + BroadcastPart(row) + (end >= 0 ? "\n" + existing[(end + 1)..] : ""));
        return 0;
    }

    /// <summary>A broadcast to 1,000 groups against the fake server enforcing Telegram's limits.</summary>
    public static async Task<int> MeasureBroadcastAsync()
    {
        const int Groups = 1000;
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.EnforceLimits();
        var data = Path.Combine(Path.GetTempPath(), "citizenbot-bench-conv", Guid.NewGuid().ToString("n"));
        var host = await StartHostAsync(telegram, data, new TelegramLimits(), seedDemo: false);
        var started = Stopwatch.StartNew();
        var board = host.Services.GetRequiredService<AnnouncementBook>();
        var ids = Enumerable.Range(1, Groups).Select(i => -500_000L - i).ToList();
        foreach (var id in ids)
        {
            board.RegisterGroup(new ChatAddress("telegram", id.ToString(CultureInfo.InvariantCulture)), "Thôn Một", "bench");
        }

        // The server's clock for each group's message: the first and the last bound the steady rate.
        var reached = new ConcurrentDictionary<long, int>();
        var watch = new Stopwatch();
        TimeSpan? first = null;
        var last = TimeSpan.Zero;
        var gate = new Lock();
        telegram.Recorded += sent =>
        {
            if (sent.ChatId < -500_000)
            {
                reached.AddOrUpdate(sent.ChatId, 1, (_, n) => n + 1);
                lock (gate)
                {
                    first ??= watch.Elapsed;
                    last = watch.Elapsed;
                }
            }
        };
        var sinceStart = started.Elapsed;
        watch.Start();
        board.Publish("Thông báo lịch tiêm phòng tháng 12.", null, [], "bench", null);
        while (reached.Count < Groups && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(50);
        }

        watch.Stop();
        var overall = reached.Count / last.TotalSeconds;
        var steady = (reached.Count - 1) / (last - first!.Value).TotalSeconds;
        Console.WriteLine($"| Broadcast to {Groups:N0} groups | {reached.Count:N0} reached, {reached.Values.Count(v => v > 1)} twice | {last.TotalSeconds:0.0} s | "
            + $"{first.Value.TotalMilliseconds:0} ms ({sinceStart.TotalSeconds:0.0} s after start) | {overall:0.0} msg/s ({100 * overall / 30:0}%) | "
            + $"{steady:0.0} msg/s ({100 * steady / 30:0}%) | {telegram.LimitHits} | {BenchmarkCommand.Mb(Process.GetCurrentProcess().PeakWorkingSet64)} |");
        await host.StopAsync();
        await host.DisposeAsync();
        TryDelete(data);
        return 0;
    }

    private static async Task<WebApplication> StartHostAsync(FakeBotApiServer telegram, string data, TelegramLimits limits, bool seedDemo)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDir"] = data,
            ["Web:Urls"] = "http://127.0.0.1:0",
            ["Hangfire:ServerEnabled"] = "false",
            ["Telegram:BotToken"] = "123456:TEST",
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
        };
        var settings = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var db = settings.OpenDatabase();
        var host = CitizenBotHost.Build([], settings, db, seedDemo, services =>
        {
            services.Replace(ServiceDescriptor.Singleton(new TelegramPacing(limits, TimeProvider.System, seedDemo ? TimeSpan.Zero : null)));
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        });
        await host.StartAsync();
        return host;
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Write(string path, Options options, List<string> rows, List<string> notes, string broadcast)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(SectionTitle);
        text.AppendLine();
        text.AppendLine($"`dotnet run -c Release --project tests/CitizenBot.Benchmarks -- conversations --citizens {string.Join(',', options.CitizenCounts)} --out {path}`");
        text.AppendLine();
        text.AppendLine($"Machine: {BenchmarkCommand.Machine()}. {string.Join(" and ", options.CitizenCounts)} simulated citizens at once, each through the script "
            + $"{string.Join(" → ", Script.Select(s => $"\"{s}\""))} (button labels typed as text), through the real Telegram.Bot client against the fake Bot API "
            + "server on 127.0.0.1. Latency runs from the update being queued on the server to the bot's first reply in that chat "
            + "(it includes the long-polling hop). Per-chat pacing is lifted here: real Telegram allows about one message a second per chat, "
            + "which would measure the limit, not the pipeline. Each row runs in a fresh process.");
        text.AppendLine();
        text.AppendLine("| bot | citizens | turns | turns/s | p50 | p99 | process peak |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(row);
        }

        text.AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine("- " + note["note: ".Length..]);
        }

        text.AppendLine();
        foreach (var (citizens, ratio) in Ratios(rows))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"At {citizens} citizens CitizenBot answers {ratio:0.00}× the echo bot's turns a second."));
        }

        text.AppendLine();
        text.AppendLine("Reading: every write of a turn (the conversation's state, the handled update id, its replies and any record it made), every "
            + "outbox claim and completion and the polling cursor are units of work queued to one writer thread, which commits all that are waiting "
            + "in one LiteDB transaction with one fsync of the log, then lets their callers go on. The receiver polls again at once, handing each update "
            + "to its chat's queue.");
        text.AppendLine();
        text.Append(BroadcastPart(broadcast));

        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var start = existing.IndexOf(SectionTitle, StringComparison.Ordinal);
        if (start >= 0)
        {
            var end = existing.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
            existing = existing[..start] + (end >= 0 ? existing[(end + 1)..] : "");
        }

        File.WriteAllText(path, existing.TrimEnd() + "\n\n" + text);
    }

    /// <summary>Each citizen count with CitizenBot's turns a second over the echo bot's, read from the table's rows.</summary>
    private static IEnumerable<(int Citizens, double Ratio)> Ratios(List<string> rows)
    {
        var parsed = rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length > 5 && int.TryParse(c[2], CultureInfo.InvariantCulture, out _))
            .Select(c => (Echo: c[1].StartsWith("Bare", StringComparison.Ordinal), Citizens: int.Parse(c[2], CultureInfo.InvariantCulture), Rate: double.Parse(c[4], CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var group in parsed.GroupBy(p => p.Citizens))
        {
            var echo = group.FirstOrDefault(p => p.Echo).Rate;
            var bot = group.FirstOrDefault(p => !p.Echo).Rate;
            if (echo > 0 && bot > 0)
            {
                yield return (group.Key, bot / echo);
            }
        }
    }

    /// <summary>The broadcast's table and reading, the tail of the section, so the broadcast can be measured alone.</summary>
    private static string BroadcastPart(string row)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{BroadcastIntro} the fake server enforcing Telegram's limits (30 messages a second in all, 20 a minute per group) with the host's real pacing "
            + $"(`dotnet run -c Release --project tests/CitizenBot.Benchmarks -- broadcast --out docs/benchmarks.md` measures it alone; {BenchmarkCommand.Machine()}). "
            + "Times run from the publication to the server receiving each message; \"steady\" is the rate between the first message and the last.");
        text.AppendLine();
        text.AppendLine("| broadcast | delivered | time | first message after | overall | steady | 429s received | process peak |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        text.AppendLine(row);
        text.AppendLine();
        text.AppendLine(BroadcastReading);
        return text.ToString();
    }

    private const string BroadcastReading =
        "Reading: Telegram counts a message at some moment between its send and its answer, so the pacing lets a message go only while fewer than 30 "
        + "others are under way or were answered less than a window before. That holds whatever the network's delays, and no rule can allow more "
        + "without knowing when Telegram counted: each message holds its place for its round trip plus the window, so the steady rate is "
        + "30 / (1.02 s + round trip). Here the round trip is the outbox's claim (one LiteDB commit) and a loopback request, a few milliseconds on an idle "
        + "machine (the sender frees the place as soon as Telegram answers, not after the outbox has recorded the outcome), so the steady rate sits at "
        + "95–97% of the limit on this two-core machine with the other work on it quiet; a busy machine lengthens the round trip and lowers it. The margin kept against real Telegram is 2% on every window "
        + "(1.02 s, 61.2 s per group, 3.06 s per chat), measured on the monotonic clock: the rule is already safe for any delay, so the margin only covers "
        + "what it cannot see, the drift between our clock and Telegram's (parts per million) and limits Telegram publishes as \"about\" 30 a second; "
        + "no more than 30 in any sliding second also keeps within a per-second counter or a bucket of 30 refilled at 30 a second. Against real Telegram "
        + "the round trip (100–300 ms) costs more than the margin: about 25 messages a second. The first window after a start stays quiet, as what was "
        + "sent just before a restart is unknown; here it had passed before the publication (the groups are registered first), \"first message after\" is "
        + "mostly the outbox pump's one-second sweep, and \"overall\" counts it where \"steady\" does not.";
}
