using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// Keeps every message and exception the host logs, as written before any formatting. Scenarios register one so a
/// failed wait can say what the host complained of (a send that timed out, a turn that threw) instead of only what
/// the chat received.
/// </summary>
public sealed class HostLogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _all = new();

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    /// <summary>The host's warnings and errors so far, the latest <paramref name="most"/>, for a failure message.</summary>
    public string Problems(int most = 40)
    {
        var problems = _all.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Text).ToList();
        return problems.Count == 0
            ? "The host logged no warning or error."
            : "The host's warnings and errors:\n" + string.Join('\n', problems.TakeLast(most));
    }

    public void Dispose()
    {
    }

    private sealed class Capture(HostLogCapture provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}";
            provider.Entries.Enqueue(text);
            provider._all.Enqueue((logLevel, $"{DateTime.UtcNow:HH:mm:ss.fff} {text}"));
        }
    }
}
