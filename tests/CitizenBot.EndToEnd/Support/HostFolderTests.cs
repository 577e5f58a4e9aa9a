namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// For tests that start the real host process (<see cref="HostProcess"/>) on a temporary data folder, with a fake Bot API
/// server for its Telegram side: both made before each test and removed after it.
/// </summary>
public abstract class HostFolderTests : IAsyncLifetime
{
    protected TempDataDir Dir { get; } = new();

    protected FakeBotApiServer Telegram { get; private set; } = null!;

    public async Task InitializeAsync() => Telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Telegram.DisposeAsync();
        Dir.Dispose();
    }
}
