namespace CitizenBot.EndToEnd.Support;

/// <summary>A test class's world: a fake Bot API server and the real host on a fresh data folder, both on loopback.</summary>
public abstract class TelegramScenario : IAsyncLifetime
{
    private readonly TempDataDir _dir = new();

    protected FakeBotApiServer Telegram { get; private set; } = null!;

    protected RunningBot Bot { get; private set; } = null!;

    protected string DataDir => _dir.Path;

    public virtual async Task InitializeAsync()
    {
        Telegram = await FakeBotApiServer.StartAsync();
        Bot = await RunningBot.StartAsync(_dir.Path, Telegram);
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
        Bot = await RunningBot.StartAsync(_dir.Path, Telegram, Bot.Clock);
    }
}
