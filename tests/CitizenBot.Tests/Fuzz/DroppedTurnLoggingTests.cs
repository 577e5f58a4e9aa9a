using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Tests.Fuzz;

/// <summary>A flood leaves one warning in the log per episode, not one per dropped turn.</summary>
public sealed class DroppedTurnLoggingTests : IDisposable
{
    private readonly BotHarness _bot = new();
    private readonly CapturingLogger _log = new();

    public void Dispose() => _bot.Dispose();

    private ConversationBot Bot() =>
        ActivatorUtilities.CreateInstance<ConversationBot>(_bot.Services, _log, new TurnRateLimiter(new RateLimitOptions(), _bot.Clock));

    [Fact]
    public async Task Five_hundred_flooded_turns_leave_one_warning_line()
    {
        var bot = Bot();
        for (var i = 1; i <= 530; i++)
        {
            await bot.HandleAsync(_bot.Address, TurnInput.FromText("menu", i), CancellationToken.None);
        }

        Assert.Single(_log.Warnings, w => w.Contains("over its turn limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_flood_after_the_window_is_a_new_episode_with_its_own_line()
    {
        var bot = Bot();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 1; i <= 100; i++)
            {
                await bot.HandleAsync(_bot.Address, TurnInput.FromText("menu", (round * 1000) + i), CancellationToken.None);
            }

            _bot.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(2, _log.Warnings.Count(w => w.Contains("over its turn limit", StringComparison.Ordinal)));
    }

    private sealed class CapturingLogger : ILogger<ConversationBot>
    {
        private readonly List<string> _warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get
            {
                lock (_warnings)
                {
                    return [.. _warnings];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (_warnings)
                {
                    _warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
