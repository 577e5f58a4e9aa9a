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
        Telegram.HostProblems = Diagnose;
        Bot = await RunningBot.StartAsync(_dir.Path, Telegram, limits: Limits, services: WithLogCapture, settings: Settings);
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Telegram.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>What a failed wait for a reply reports: the host's warnings and errors, and where the chat's update and reply are.</summary>
    protected string Diagnose(long chat)
    {
        var report = new System.Text.StringBuilder(HostLog.Problems());
        try
        {
            var db = Bot.Get<CitizenBot.Core.Storage.CitizenDatabase>();
            var (groups, units) = db.CommitCounts;
            var receiver = Bot.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<TelegramUpdateReceiver>().FirstOrDefault();
            report.Append($"\nDatabase: {groups} groups and {units} units committed, {db.QueuedUnits} queued. Receiver: {receiver?.InFlight} updates in flight. "
                + $"Kicker: {Bot.Get<CitizenBot.Channels.OutboxKicker>().Running} chats sending.");
            var address = new CitizenBot.Core.Messaging.ChatAddress(TelegramChannelSender.ChannelName, chat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var record = Bot.Get<CitizenBot.Core.Conversations.ConversationStore>().Find(address);
            report.Append($"\nConversation: {record?.Turns} turns, last update {record?.LastUpdateId}, saved {record?.UpdatedAt:HH:mm:ss.fff}.");
            foreach (var m in Bot.Get<CitizenBot.Core.Messaging.Outbox>().All().Where(m => m.AddressKey == address.Key))
            {
                report.Append($"\nOutbox {m.Id} {m.Key}: {m.Status}, {m.Attempts} attempts, next {m.NextAttemptAt:HH:mm:ss} {m.Error}");
            }

            report.Append($"\nFake server: {Telegram.Unconfirmed(chat)}; calls: getUpdates {Telegram.Calls("getUpdates")}, "
                + $"sendMessage {Telegram.Calls("sendMessage")}, answerCallbackQuery {Telegram.Calls("answerCallbackQuery")}.");
        }
        catch (Exception ex)
        {
            report.Append($"\n(The host's state could not be read: {ex.GetType().Name}: {ex.Message})");
        }

        return report.ToString();
    }

    /// <summary>Stops the host and starts a new one on the same data folder, as a restart would.</summary>
    protected async Task RestartBotAsync()
    {
        await Bot.DisposeAsync();
        Bot = await RunningBot.StartAsync(_dir.Path, Telegram, Bot.Clock, limits: Limits, services: WithLogCapture, settings: Settings);
    }
}
