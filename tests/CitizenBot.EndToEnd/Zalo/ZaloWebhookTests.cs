using System.Net;
using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>The webhook's guard and Zalo's faults: forged and stale events, retried deliveries, 5xx answers, expired tokens.</summary>
public sealed class ZaloWebhookTests : ZaloScenario
{
    private const string Citizen = "zu-4001";

    private int InboxCount() => Bot.Get<ChannelInbox>().Count();

    [Fact]
    public async Task A_forged_signature_is_refused_and_nothing_is_stored()
    {
        var e = Zalo.MessageEvent("user_send_text", Citizen, new System.Text.Json.Nodes.JsonObject { ["text"] = "menu" });

        var forged = await Zalo.PostEventAsync(e, "mac=" + new string('0', 64));
        var missing = await Zalo.PostEventAsync(e, "");
        var otherKey = await Zalo.PostEventAsync(e, ZaloSignature.Compute(FakeZaloServer.AppId, e.ToJsonString(), e["timestamp"]!.GetValue<string>(), "another-oa-key"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [forged, missing, otherKey]);
        Assert.Equal(0, InboxCount());
        Assert.Empty(Zalo.SentTo(Citizen));
    }

    [Fact]
    public async Task A_correctly_signed_but_stale_event_is_refused_and_nothing_is_stored()
    {
        var realClock = Zalo.Clock;
        Zalo.Clock = () => realClock() - TimeSpan.FromMinutes(30);
        var stale = await Zalo.SendTextAsync(Citizen, "menu");
        Zalo.Clock = () => realClock() + TimeSpan.FromMinutes(30);
        var ahead = await Zalo.SendTextAsync(Citizen, "menu");

        Assert.Equal(HttpStatusCode.Unauthorized, stale);
        Assert.Equal(HttpStatusCode.Unauthorized, ahead);
        Assert.Equal(0, InboxCount());
    }

    [Fact]
    public async Task An_event_delivered_three_times_is_handled_once()
    {
        var e = Zalo.MessageEvent("user_send_text", Citizen, new System.Text.Json.Nodes.JsonObject { ["text"] = "menu" });

        var answers = await Task.WhenAll(Zalo.PostEventAsync(e), Zalo.PostEventAsync(e), Zalo.PostEventAsync(e));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        await Zalo.WaitForAsync(Citizen, "cần giúp gì");
        await Zalo.MenuAsync(Citizen);
        Assert.Equal(2, Zalo.SentTo(Citizen).Count(m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal)));
        Assert.Equal(2, InboxCount());
    }

    [Fact]
    public async Task A_5xx_from_Zalo_is_retried_and_the_reply_arrives_once()
    {
        Zalo.FailNext("cs", 2, 502);

        await Zalo.SendTextAsync(Citizen, "menu");
        await ZaloSteps.UntilAsync(() => Zalo.Calls("cs") >= 1 && Bot.Get<CitizenBot.Channels.OutboxKicker>().Running == 0);
        for (var i = 0; i < 4 && !Zalo.SentTo(Citizen).Any(m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal)); i++)
        {
            Bot.Clock.Advance(TimeSpan.FromSeconds(30));
            await Bot.RunOutboxDispatchAsync();
        }

        await Zalo.WaitForAsync(Citizen, "cần giúp gì");
        Assert.Single(Zalo.SentTo(Citizen), m => m.Text.Contains("cần giúp gì", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_and_the_reply_goes_with_the_new_one()
    {
        Zalo.ExpireAccessTokens();

        await Zalo.SendTextAsync(Citizen, "menu");

        await Zalo.WaitForAsync(Citizen, "cần giúp gì");
        Assert.Equal(1, Zalo.Refreshes);
        Assert.Equal(0, Zalo.ReusedRefreshTokens);
        var report = await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo");
        Assert.NotNull(report.TokenRefreshedAt);
        Assert.Empty(report.Alerts);
    }

    [Fact]
    public async Task The_token_is_refreshed_before_it_expires_and_a_failed_refresh_alerts_the_officers()
    {
        var tokens = Bot.Get<ZaloTokenStore>();
        _ = tokens.ExpiresAt;
        Bot.Clock.Advance(ZaloTokenStore.SeededLifetime);
        await tokens.RefreshIfDueAsync(CancellationToken.None);
        Assert.Equal(1, Zalo.Refreshes);
        await tokens.RefreshIfDueAsync(CancellationToken.None);
        Assert.Equal(1, Zalo.Refreshes);

        Bot.Clock.Advance(TimeSpan.FromHours(25));
        Zalo.FailNext("token", 1, 500);
        await tokens.RefreshIfDueAsync(CancellationToken.None);

        var alert = await Telegram.WaitForAsync(RunningBot.OfficersChat, "không làm mới được mã truy cập");
        Assert.Contains("README", alert.Text, StringComparison.Ordinal);
        Assert.Single((await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo")).Alerts);
        var home = Bot.Get<ZaloReport>().Home();
        Assert.NotNull(home.LastAlert); // the console's home shows it (its Zalo card reads Home(), not the full report)
        Assert.Equal((0, 0, 0), (home.Waiting, home.ZnsWaiting, home.ZnsFailed));

        // The pair kept is still the working one: the next refresh succeeds.
        await tokens.RefreshIfDueAsync(CancellationToken.None);
        Assert.Equal(2, Zalo.Refreshes);
        Assert.Equal(0, Zalo.ReusedRefreshTokens);
    }

    [Fact]
    public async Task Unfollowing_the_OA_drops_the_village_subscription()
    {
        await Zalo.FollowAsync(Citizen);
        await Zalo.WaitForAsync(Citizen, "cần giúp gì");
        await Zalo.SubscribeAsync(Citizen, "Thôn Một");
        var address = new ChatAddress(ZaloChannelSender.ChannelName, Citizen);
        Assert.Equal(["Thôn Một"], Bot.Get<AnnouncementBook>().SubscriptionsOf(address));

        Assert.Equal(HttpStatusCode.OK, await Zalo.UnfollowAsync(Citizen));

        await ZaloSteps.UntilAsync(() => Bot.Get<AnnouncementBook>().SubscriptionsOf(address).Count == 0);
        Assert.Equal(0, (await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo")).Followers);
    }
}
