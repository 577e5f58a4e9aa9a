using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Storage;
using CitizenBot.EndToEnd.Faults;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>
/// The host as a real process with the Zalo channel, killed with SIGKILL between storing an event and answering Zalo,
/// and in the middle of a token refresh: started again on the same data folder, nothing is lost and the OA keeps a
/// working token pair.
/// </summary>
[Collection(nameof(KillCollection))]
public sealed class ZaloKillTests : IAsyncLifetime
{
    private const string Citizen = "zu-5001";
    private readonly TempDataDir _dir = new();
    private FakeBotApiServer _telegram = null!;
    private FakeZaloServer _zalo = null!;
    private HostProcess? _host;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        _zalo = await FakeZaloServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _zalo.DisposeAsync();
        await _telegram.DisposeAsync();
        _dir.Dispose();
    }

    private async Task StartAsync(string? faultPoint = null)
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        var env = _zalo.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        if (faultPoint is not null)
        {
            env[FaultPoints.EnvironmentVariable] = faultPoint;
        }

        _host = await HostProcess.StartAsync(_dir.Path, _telegram, extraEnvironment: env);
        _zalo.WebhookUrl = _host.BaseUrl + ZaloWebhookEndpoints.WebhookPath;
    }

    private int Menus() => _zalo.SentTo(Citizen).Count(m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal));

    [Fact]
    public async Task Killed_between_storing_an_event_and_answering_Zalo_the_event_is_handled_once_after_the_restart()
    {
        await StartAsync(ZaloWebhookEndpoints.FaultPointStored);
        var e = _zalo.MessageEvent("user_send_text", Citizen, new System.Text.Json.Nodes.JsonObject { ["text"] = "menu" });

        // The process dies before its answer: Zalo sees a failed delivery.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _zalo.PostEventAsync(e));
        Assert.True(await _host!.WaitForExitAsync(TimeSpan.FromSeconds(30)), "The host did not reach the fault point.");
        Assert.Empty(_zalo.SentTo(Citizen));

        await StartAsync();
        await _zalo.WaitForAsync(Citizen, "cần giúp gì");

        // Zalo delivers the event again (and again): answered 200, not handled twice.
        Assert.Equal(System.Net.HttpStatusCode.OK, await _zalo.PostEventAsync(e));
        Assert.Equal(System.Net.HttpStatusCode.OK, await _zalo.PostEventAsync(e));
        await _zalo.SendTextAsync(Citizen, "menu");
        await _zalo.WaitForAsync(Citizen, "cần giúp gì", skip: 1);
        await Task.Delay(300);
        Assert.Equal(2, Menus());
    }

    [Fact]
    public async Task Killed_right_after_a_token_refresh_is_stored_the_new_pair_works_after_the_restart()
    {
        await StartAsync(ZaloTokenStore.FaultPointStored);
        _zalo.ExpireAccessTokens();

        await _zalo.SendTextAsync(Citizen, "menu");
        Assert.True(await _host!.WaitForExitAsync(TimeSpan.FromSeconds(30)), "The host did not reach the fault point.");
        Assert.Equal(1, _zalo.Refreshes);

        await StartAsync();
        var menus = Menus();
        await _zalo.SendTextAsync(Citizen, "menu");
        await _zalo.WaitForAsync(Citizen, "cần giúp gì", skip: menus);

        // The stored pair was the new one: no second refresh was needed and the used refresh token was never tried again.
        Assert.Equal(1, _zalo.Refreshes);
        Assert.Equal(0, _zalo.ReusedRefreshTokens);
        Assert.Equal("refresh-1", _zalo.LatestRefreshToken);
        using (var http = _host!.Officer())
        {
            // The refresh got its answer stored: no alarm at the restart.
            var report = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<ZaloReport.ReportView>(http, "/officer/api/zalo");
            Assert.Empty(report!.Alerts);
        }

        _host!.Kill();
        using var db = TestDatabase.Open(_dir.Path);
        Assert.Equal(1, db.Collection<CitizenBot.Core.Messaging.ChannelTokenPair>(new CitizenBot.Core.Messaging.ChannelTokens(db, ZaloChannelSender.ChannelName).CollectionName).Count());
    }

    [Fact]
    public async Task Killed_after_Zalo_answered_a_refresh_and_before_the_pair_was_stored_the_admins_are_told_at_the_restart()
    {
        await StartAsync(ZaloTokenStore.FaultPointAnswered);
        _zalo.ExpireAccessTokens();

        await _zalo.SendTextAsync(Citizen, "menu");
        Assert.True(await _host!.WaitForExitAsync(TimeSpan.FromSeconds(30)), "The host did not reach the fault point.");
        Assert.Equal(1, _zalo.Refreshes);

        // Zalo holds the new pair, the data folder the spent one: at the start the stored token is tried once, refused,
        // and the admins are told at once, in the officers' chat and on the console, how to authorise the OA again.
        await StartAsync();
        var alert = await _telegram.WaitForAsync(RunningBot.OfficersChat, "mất quyền gửi tin");
        Assert.Contains("Zalo:RefreshToken", alert.Text, StringComparison.Ordinal);
        Assert.True(_zalo.ReusedRefreshTokens >= 1);
        using var http = _host!.Officer();
        var report = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<ZaloReport.ReportView>(http, "/officer/api/zalo");
        Assert.Contains(report!.Alerts, a => a.Reason.Contains("gián đoạn", StringComparison.Ordinal));
    }
}
