using CitizenBot.Channels.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.EndToEnd.Support;

/// <summary>A test class's world: a fake Bot API server and the real host on a fresh data folder, both on loopback.</summary>
public abstract class TelegramScenario : IAsyncLifetime
{
    private readonly TempDataDir _dir = new();

    protected FakeBotApiServer Telegram { get; private set; } = null!;

    protected RunningBot Bot { get; private set; } = null!;

    /// <summary>What the host logged; a failed wait for a reply quotes its warnings and errors.</summary>
    protected HostLogCapture HostLog { get; } = new();

    protected string DataDir => _dir.Path;

    /// <summary>The pace the host keeps with Telegram; broadcast tests use Telegram's real limits.</summary>
    protected virtual TelegramLimits Limits => RunningBot.ConversationLimits;

    /// <summary>Settings over <see cref="RunningBot"/>'s defaults (a shorter Telegram request timeout, say).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Extra services for the host (a log capture, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private void WithLogCapture(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(HostLog);
        ConfigureServices(services);
    }

    public virtual async Task InitializeAsync()
    {
        Telegram = await FakeBotApiServer.StartAsync();
        Telegram.HostProblems = () => HostLog.Problems();
        Bot = await RunningBot.StartAsync(_dir.Path, Telegram, limits: Limits, services: WithLogCapture, settings: Settings);
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Telegram.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>Stops the host and starts a new one on the same data folder, as a restart would.</summary>
    protected async Task RestartBotAsync()
    {
        await Bot.DisposeAsync();
        Bot = await RunningBot.StartAsync(_dir.Path, Telegram, Bot.Clock, limits: Limits, services: WithLogCapture, settings: Settings);
    }
}
