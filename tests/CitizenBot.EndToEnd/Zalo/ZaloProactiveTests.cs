using System.Net.Http.Json;
using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>
/// Outside Zalo's free window, with ZNS templates and a proactive quota of one: a dossier's status change goes to the
/// applicant's phone by ZNS, an announcement reaches a village's followers within the quota, and the rest waits.
/// </summary>
public sealed class ZaloProactiveTests : ZaloScenario
{
    private const string Citizen = "zu-3001";
    private const string Dossier = "HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,";

    protected override Dictionary<string, string?> ZaloSettings(FakeZaloServer zalo) => zalo.Settings(monthlyQuota: 1, templates: true);

    private async Task StatusChangesOutsideTheWindowAsync()
    {
        await ImportAsync(Dossier + "in_progress,");
        await Zalo.FollowDossierAsync(Citizen, "HS-2411-0001", "5678");
        await ZaloSteps.UntilAsync(() => Bot.Get<CitizenBot.Channels.OutboxKicker>().Running == 0);
        Bot.Clock.Advance(TimeSpan.FromDays(3));
        await ImportAsync(Dossier + "resolved,2026-11-26");
        await Bot.RunFollowSweepAsync();
        await OutboxSettledAsync();
    }

    [Fact]
    public async Task A_status_change_outside_the_window_goes_to_the_dossiers_phone_as_a_ZNS_template_message()
    {
        await StatusChangesOutsideTheWindowAsync();

        var zns = Assert.Single(Zalo.Sent("zns"));
        Assert.Equal("84912345678", zns.Phone);
        Assert.Equal("301001", zns.TemplateId);
        Assert.Equal("HS-2411-0001", zns.Body["template_data"]!["dossier_code"]!.GetValue<string>());
        Assert.Equal("Đã có kết quả", zns.Body["template_data"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain(Zalo.SentTo(Citizen), m => m.Text.Contains("đã có kết quả", StringComparison.Ordinal));
        Assert.Empty(Zalo.Sent("promotion"));

        var report = await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo");
        Assert.Equal(1, report.ZnsThisMonth);
        Assert.Equal(0, report.ProactiveThisMonth);
        Assert.Empty(report.WaitingMessages);

        // Sent once: the sweep and the dispatch again change nothing.
        await Bot.RunFollowSweepAsync();
        await OutboxSettledAsync();
        Assert.Single(Zalo.Sent("zns"));
    }

    [Fact]
    public async Task When_Zalo_refuses_ZNS_for_quota_the_notice_waits_for_the_citizens_next_message()
    {
        Zalo.ExceedQuota();
        await StatusChangesOutsideTheWindowAsync();

        Assert.Empty(Zalo.Sent("zns"));
        Assert.Single((await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo")).WaitingMessages);

        await Zalo.SendTextAsync(Citizen, "cảm ơn");
        await Zalo.WaitForAsync(Citizen, "Ông/bà có 1 thông báo mới");
        await Zalo.WaitForAsync(Citizen, "đã có kết quả");
        await OutboxSettledAsync();
        Assert.Empty((await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo")).WaitingMessages);
    }

    [Fact]
    public async Task An_announcement_reaches_a_villages_followers_in_the_window_free_then_within_the_quota_and_the_rest_waits()
    {
        string[] followers = ["zu-3101", "zu-3102", "zu-3103"];
        foreach (var user in followers)
        {
            await Zalo.SubscribeAsync(user, "Thôn Một");
        }

        await Zalo.SubscribeAsync("zu-3199", "Thôn Hai");
        await ZaloSteps.UntilAsync(() => Bot.Get<CitizenBot.Channels.OutboxKicker>().Running == 0);
        Bot.Clock.Advance(TimeSpan.FromDays(3));
        await Zalo.MenuAsync("zu-3101");

        using var http = Officer();
        var published = await http.PostAsJsonAsync("/officer/api/announcements", new { text = "Thông báo: ngày 29/11 tổng vệ sinh đường làng.", villages = new[] { "Thôn Một" } });
        published.EnsureSuccessStatusCode();
        var id = (await published.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<long>();
        await ZaloSteps.UntilAsync(() => Bot.Get<Outbox>().WithKeyPrefix($"announcement:{id}:").All(m => m.Status is not OutboxStatus.Pending and not OutboxStatus.Sending));

        // The one who wrote today gets a free consultation message; one other gets the month's single proactive message.
        Assert.Single(Zalo.SentTo("zu-3101"), m => m.Kind == "cs" && m.Text.Contains("tổng vệ sinh", StringComparison.Ordinal));
        var proactive = Assert.Single(Zalo.Sent("promotion"));
        Assert.Contains("tổng vệ sinh", proactive.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Zalo.SentTo("zu-3199"), m => m.Text.Contains("tổng vệ sinh", StringComparison.Ordinal));
        var waiting = followers.Where(u => !Zalo.SentTo(u).Any(m => m.Text.Contains("tổng vệ sinh", StringComparison.Ordinal))).ToList();
        var last = Assert.Single(waiting);

        var report = await (await http.GetAsync($"/officer/api/announcements/{id}")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(2, report!["delivered"]!.GetValue<int>());
        Assert.Equal(1, report["pending"]!.GetValue<int>());

        await Zalo.SendTextAsync(last, "xin chào");
        await Zalo.WaitForAsync(last, "tổng vệ sinh");
        await OutboxSettledAsync();
        report = await (await http.GetAsync($"/officer/api/announcements/{id}")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(3, report!["delivered"]!.GetValue<int>());
    }
}
