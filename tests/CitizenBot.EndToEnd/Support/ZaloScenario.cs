using System.Net.Http.Json;

namespace CitizenBot.EndToEnd.Support;

/// <summary>A Zalo test class's world: the fake Zalo and Bot API servers and the real host on a fresh data folder, all on loopback.</summary>
public abstract class ZaloScenario : IAsyncLifetime
{
    private const string Header = "code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at";
    private readonly TempDataDir _dir = new();

    protected FakeBotApiServer Telegram { get; private set; } = null!;

    protected FakeZaloServer Zalo { get; private set; } = null!;

    protected RunningBot Bot { get; private set; } = null!;

    /// <summary>The host's Zalo settings; tests of the quota and ZNS give their own.</summary>
    protected virtual Dictionary<string, string?> ZaloSettings(FakeZaloServer zalo) => zalo.Settings();

    public virtual async Task InitializeAsync()
    {
        Telegram = await FakeBotApiServer.StartAsync();
        Zalo = await FakeZaloServer.StartAsync();
        await StartBotAsync(null);
    }

    private async Task StartBotAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock)
    {
        Bot = await RunningBot.StartAsync(_dir.Path, Telegram, clock, settings: ZaloSettings(Zalo));
        Zalo.WebhookUrl = Bot.BaseUrl + "/zalo/webhook";
        Zalo.Clock = () => Bot.Clock.GetUtcNow();
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Zalo.DisposeAsync();
        await Telegram.DisposeAsync();
        _dir.Dispose();
    }

    protected async Task RestartBotAsync()
    {
        var clock = Bot.Clock;
        await Bot.DisposeAsync();
        await StartBotAsync(clock);
    }

    protected HttpClient Officer()
    {
        var http = new HttpClient { BaseAddress = new Uri(Bot.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Officer-Token", Bot.OfficerToken);
        return http;
    }

    protected async Task ImportAsync(string rows)
    {
        using var http = Officer();
        var response = await http.PostAsync("/officer/api/dossiers/import", new StringContent($"{Header}\n{rows}"));
        Assert.True(response.IsSuccessStatusCode, $"The import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Runs the dispatch and waits until no message to a Zalo user is pending or being sent (the pump may hold one).</summary>
    protected async Task OutboxSettledAsync()
    {
        await Bot.RunOutboxDispatchAsync();
        await ZaloSteps.UntilAsync(() => Bot.Get<CitizenBot.Core.Messaging.Outbox>().All()
            .All(m => !(m.AddressKey.StartsWith("zalo:", StringComparison.Ordinal) || m.AddressKey.StartsWith("zns:", StringComparison.Ordinal))
                || m.Status is not CitizenBot.Core.Messaging.OutboxStatus.Pending and not CitizenBot.Core.Messaging.OutboxStatus.Sending));
    }

    /// <summary>Runs the sweep that tells dossiers' applicants by ZNS, the way Hangfire would (it sends what it queued).</summary>
    protected Task RunZnsApplicantSweepAsync() =>
        Bot.Get<CitizenBot.Host.Jobs.SweepJob>().RunAsync(CitizenBot.Channels.Zalo.ZnsApplicantSweep.JobId, CancellationToken.None);

    protected async Task<T> OfficerGetAsync<T>(string path)
    {
        using var http = Officer();
        return (await http.GetFromJsonAsync<T>(path))!;
    }
}
