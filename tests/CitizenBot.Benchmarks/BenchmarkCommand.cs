using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CitizenBot.Benchmarks;

/// <summary>The benchmarks' command line: each benchmark measures in a fresh process so its peak memory is its own.</summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        switch (options.Command)
        {
            case "summary":
                return await SummaryBenchmark.RunAsync(options);
            case "summary-measure":
                return SummaryBenchmark.Measure(options);
            case "conversations":
                return await ConversationBenchmark.RunAsync(options);
            case "broadcast":
                return await ConversationBenchmark.RunBroadcastAsync(options);
            case "conversations-measure":
                return await ConversationBenchmark.MeasureAsync(Value(args, "--what", "citizenbot"), options.Citizens);
            case "broadcast-measure":
                return await ConversationBenchmark.MeasureBroadcastAsync();
            case "guide":
                return GuideBenchmark.Run(options, Value(args, "--messages", Path.Combine(AppContext.BaseDirectory, "guide-messages.tsv")));
            default:
                Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/CitizenBot.Benchmarks -- summary [--dossiers 1000000] [--others 100000] [--data DIR] [--out docs/benchmarks.md]");
                Console.Error.WriteLine("       dotnet run -c Release --project tests/CitizenBot.Benchmarks -- conversations [--citizens 100,200] [--out docs/benchmarks.md]");
                Console.Error.WriteLine("       dotnet run -c Release --project tests/CitizenBot.Benchmarks -- broadcast [--out docs/benchmarks.md]   (the broadcast row alone)");
                Console.Error.WriteLine("       dotnet run -c Release --project tests/CitizenBot.Benchmarks -- guide [--out docs/benchmarks.md]   (the guide's accuracy)");
                return 2;
        }
    }

    public static string Value(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>Runs this program again with other arguments and returns what it printed.</summary>
    public static async Task<string> RunChildAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("CitizenBot.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(BenchmarkCommand).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? output : throw new InvalidOperationException($"The measuring process failed ({child.ExitCode}).");
    }

    /// <summary>The table row a measuring process printed, without the host's log lines around it.</summary>
    public static string TableRow(string printed) =>
        printed.Split('\n', StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('|')) ?? printed.Trim();

    public static string Machine() =>
        $"{Environment.ProcessorCount} logical CPUs, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.#} GiB RAM, "
        + $"{RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd}";

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}

public sealed record Options(string Command, int Dossiers, int Others, string Data, string? Out, int Citizens = 100)
{
    /// <summary>Every count given to --citizens ("100,200" measures both, each beside the echo bot).</summary>
    public IReadOnlyList<int> CitizenCounts { get; init; } = [Citizens];

    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Options(
            args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Array.IndexOf(args, a) is var i && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))) ?? "",
            int.Parse(Value("--dossiers", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--others", "100000"), CultureInfo.InvariantCulture),
            Value("--data", Path.Combine(Path.GetTempPath(), "citizenbot-bench")),
            args.Contains("--out") ? Value("--out", "docs/benchmarks.md") : null,
            int.Parse(Value("--citizens", "100,200").Split(',')[0], CultureInfo.InvariantCulture))
        {
            CitizenCounts = [.. Value("--citizens", "100,200").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))],
        };
    }
}

/// <summary>Samples the managed heap while a measured action runs, for its peak.</summary>
public sealed class HeapSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    public HeapSampler()
    {
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(false));
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    public long Peak => Math.Max(_peak, GC.GetTotalMemory(false));

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
