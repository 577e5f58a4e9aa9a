using CitizenBot.Channels.Telegram;
using CitizenBot.Core.Storage;
using CitizenBot.Host;
using CitizenBot.Host.Configuration;
using CitizenBot.Host.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.EndToEnd.Support;

/// <summary>
/// The real host (web chat, Telegram channel, LiteDB, Hangfire client) in this process, pointed at the
/// fake Bot API server, with a fake clock. Hangfire's own server is off: tests run the jobs themselves.
/// </summary>
public sealed class RunningBot : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public const long OfficersChat = -1001;

    /// <summary>The Telegram user configured as admin (Telegram:AdminUserIds).</summary>
    public const long AdminId = 9001;

    public const long LeadersChat = -1002;

    private RunningBot(WebApplication app, FakeTimeProvider clock, string dataDir)
    {
        App = app;
        Clock = clock;
        DataDir = dataDir;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public string DataDir { get; }

    public string BaseUrl => App.Urls.First();

    public string OfficerToken => App.Services.GetRequiredService<CitizenBot.Host.Officer.OfficerToken>().Value;

    /// <summary>
    /// Conversation tests type faster than any citizen and run fifty at once: they lift the pace (the fake server
    /// does not enforce limits for them); broadcast tests pass Telegram's real limits and have the server enforce them.
    /// </summary>
    public static readonly TelegramLimits ConversationLimits = new(PerChatBurst: 1000, OverallPerSecond: 100_000);

    public static async Task<RunningBot> StartAsync(string dataDir, FakeBotApiServer? telegram, FakeTimeProvider? clock = null, bool seedDemo = false, TelegramLimits? limits = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDir"] = dataDir,
            ["Web:Urls"] = "http://127.0.0.1:0",
            ["Hangfire:ServerEnabled"] = "false",
            ["Commune:Name"] = "UBND xã Thử Nghiệm",
            ["Commune:Villages:0"] = "Thôn Một",
            ["Commune:Villages:1"] = "Thôn Hai",
            ["Telegram:PollTimeoutSeconds"] = "1",
            // Generous: on a loaded CI machine a send can wait seconds for a thread, and a timed-out send is, rightly, never
            // repeated. The timeout itself is tested with a shorter one (TelegramTimeoutTests).
            ["Telegram:RequestTimeoutSeconds"] = "30",
            ["Telegram:RetryBaseDelayMs"] = "20",
            ["Telegram:OfficersChatId"] = OfficersChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:AdminUserIds"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Summary:LeadersChatId"] = LeadersChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        if (telegram is not null)
        {
            values["Telegram:BotToken"] = "123456:TEST";
            values["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        }

        var hostSettings = HostSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        clock ??= new FakeTimeProvider(Start);
        var db = hostSettings.OpenDatabase();
        var app = CitizenBotHost.Build([], hostSettings, db, seedDemo, configure =>
        {
            services?.Invoke(configure);
            configure.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            // Conversation tests start quiet-free; broadcast tests keep the quiet first window of a real start.
            configure.Replace(ServiceDescriptor.Singleton(new TelegramPacing(limits ?? ConversationLimits, TimeProvider.System,
                limits is null || limits == ConversationLimits ? TimeSpan.Zero : null)));
        });
        await app.StartAsync();
        return new RunningBot(app, clock, dataDir);
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Runs the follow sweep job the way Hangfire would.</summary>
    public Task RunFollowSweepAsync() => Get<SweepJob>().RunAsync(CitizenBot.Core.Dossiers.DossierFollowSweep.JobId, CancellationToken.None);

    public Task RunOutboxDispatchAsync() => Get<CitizenBotJobs>().DispatchOutboxAsync(CancellationToken.None);

    public Task RunReminderSweepAsync() => Get<SweepJob>().RunAsync(CitizenBot.Core.Reception.BookingReminderSweep.JobId, CancellationToken.None);

    public Task RunMonthlySummaryAsync() => Get<SweepJob>().SendMonthlySummaryAsync(CancellationToken.None);

    public Task RunLettersAsync() => Get<SweepJob>().RunAsync(CitizenBot.Core.Letters.LetterSweep.JobId, CancellationToken.None);

    public Task RunRatingInvitationSweepAsync() => Get<SweepJob>().RunAsync(CitizenBot.Core.Ratings.RatingInvitationSweep.JobId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
