namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// What every console browser test class starts from: a data folder, the host on it (in this process, fake clock, no
/// Telegram) and a headless Chromium; all three gone after the class's tests.
/// </summary>
public abstract class ConsoleTestHost(bool seedDemo = false, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected TempDataDir Dir { get; } = new();

    protected RunningBot Bot { get; private set; } = null!;

    protected ConsoleBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await RunningBot.StartAsync(Dir.Path, telegram: null, seedDemo: seedDemo, settings: settings);
        Browser = await ConsoleBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Bot.DisposeAsync();
        Dir.Dispose();
    }
}
