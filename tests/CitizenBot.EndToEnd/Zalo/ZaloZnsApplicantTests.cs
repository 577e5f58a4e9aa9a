using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Messaging;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>
/// An applicant who never wrote to the OA: the dossier's phone is known, so a status change reaches them as one ZNS
/// template message (the ZNS templates are configured, the proactive quota is zero).
/// </summary>
public sealed class ZaloZnsApplicantTests : ZaloScenario
{
    private const string Dossier = "HS-2411-0007,Đăng ký khai sinh,Hộ tịch,Trần Thị Bình,0987654321,online_partial,2026-11-20,2026-11-27,";

    protected override Dictionary<string, string?> ZaloSettings(FakeZaloServer zalo) => zalo.Settings(templates: true);

    private async Task StatusChangesAsync(bool settle = true)
    {
        await ImportAsync(Dossier + "in_progress,");
        await RunZnsApplicantSweepAsync();
        Bot.Clock.Advance(TimeSpan.FromHours(5));
        await ImportAsync(Dossier + "resolved,2026-11-24");
        await RunZnsApplicantSweepAsync();
        if (settle)
        {
            await OutboxSettledAsync();
        }
    }

    [Fact]
    public async Task A_status_change_of_a_dossier_with_a_phone_and_no_Zalo_follower_goes_once_by_ZNS_to_that_phone()
    {
        await StatusChangesAsync();

        var zns = Assert.Single(Zalo.Sent("zns"));
        Assert.Equal("84987654321", zns.Phone);
        Assert.Equal("301001", zns.TemplateId);
        var data = zns.Body["template_data"]!;
        Assert.Equal("HS-2411-0007", data["dossier_code"]!.GetValue<string>());
        Assert.Equal("Đăng ký khai sinh", data["procedure"]!.GetValue<string>());
        Assert.Equal("Đã có kết quả", data["status"]!.GetValue<string>());
        Assert.Equal(32, zns.Body["tracking_id"]!.GetValue<string>().Length);

        // Stored sealed, and once sent the phone and the data are gone from the outbox.
        var stored = Assert.Single(Bot.Get<Outbox>().WithKeyPrefix("zns:"));
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.True(stored.Confidential);
        Assert.DoesNotContain("987654321", stored.Text, StringComparison.Ordinal);

        var report = await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo");
        Assert.Equal(1, report.ZnsThisMonth);
        Assert.Equal(0, report.ZnsWaiting);
        Assert.Equal((1, 0, 0), (Bot.Get<ZaloReport>().Home().ZnsThisMonth, Bot.Get<ZaloReport>().Home().ZnsWaiting, Bot.Get<ZaloReport>().Home().ZnsFailed));

        // The sweep and the dispatch again, and a restart: nothing goes twice.
        await RunZnsApplicantSweepAsync();
        await RestartBotAsync();
        await RunZnsApplicantSweepAsync();
        await OutboxSettledAsync();
        Assert.Single(Zalo.Sent("zns"));
    }

    [Fact]
    public async Task A_server_error_is_retried_once_under_the_same_tracking_id_and_the_phone_gets_one_message()
    {
        Zalo.FailNext("zns", 1, 503);
        await StatusChangesAsync(settle: false);

        // The first try met the error: the message waits for its retry, not failed, not sent.
        await ZaloSteps.UntilAsync(() => Bot.Get<Outbox>().WithKeyPrefix("zns:").SingleOrDefault() is { Status: OutboxStatus.Pending, Attempts: 1 });

        Assert.Equal(1, Zalo.Calls("zns"));
        Assert.Empty(Zalo.Sent("zns"));
        Assert.Equal(1, (await OfficerGetAsync<ZaloReport.ReportView>("/officer/api/zalo")).ZnsWaiting);
        Assert.Equal(1, Bot.Get<ZaloReport>().Home().ZnsWaiting); // the console's home counts the same

        Bot.Clock.Advance(TimeSpan.FromSeconds(30));
        await OutboxSettledAsync();

        Assert.Equal(2, Zalo.Calls("zns"));
        Assert.Single(Zalo.Sent("zns"));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(Bot.Get<Outbox>().WithKeyPrefix("zns:")).Status);
    }

    [Fact]
    public async Task A_Zalo_follower_told_in_the_chat_is_not_sent_the_same_notice_by_ZNS()
    {
        await ImportAsync(Dossier + "in_progress,");
        await Zalo.FollowDossierAsync("zu-7001", "HS-2411-0007", "4321");
        await ImportAsync(Dossier + "resolved,2026-11-24");
        await RunZnsApplicantSweepAsync();
        await Bot.RunFollowSweepAsync();
        await OutboxSettledAsync();

        await Zalo.WaitForAsync("zu-7001", "đã có kết quả");
        Assert.Empty(Zalo.Sent("zns"));
        Assert.Empty(Bot.Get<Outbox>().WithKeyPrefix("zns:"));
    }
}

/// <summary>Without a ZNS template for dossier notices, nothing goes by ZNS to an applicant's phone.</summary>
public sealed class ZaloZnsWithoutTemplateTests : ZaloScenario
{
    [Fact]
    public async Task Without_a_template_a_status_change_sends_nothing_by_ZNS()
    {
        const string dossier = "HS-2411-0008,Đăng ký khai sinh,Hộ tịch,Trần Thị Bình,0987654321,online_partial,2026-11-20,2026-11-27,";
        await ImportAsync(dossier + "in_progress,");
        await ImportAsync(dossier + "resolved,2026-11-24");
        await RunZnsApplicantSweepAsync();
        await OutboxSettledAsync();

        Assert.Equal(0, Zalo.Calls("zns"));
        Assert.Empty(Bot.Get<Outbox>().WithKeyPrefix("zns:"));
    }
}
