using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Zalo;

/// <summary>Citizens on Zalo: the same dialogs as on Telegram, through signed webhook events and the OA's consultation messages.</summary>
public sealed class ZaloConversationTests : ZaloScenario
{
    private const string Citizen = "zu-1001";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync("HS-2411-0001,Đăng ký khai sinh,Hộ tịch,Nguyễn Văn An,0912345678,online_partial,2026-11-20,2026-11-27,in_progress,");
    }

    [Fact]
    public async Task Following_the_OA_greets_and_offers_the_menu_as_numbered_choices_beyond_five_buttons()
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, await Zalo.FollowAsync(Citizen));

        var menu = await Zalo.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        Assert.Contains("Kính chào", Zalo.Transcript(Citizen), StringComparison.Ordinal);
        Assert.Empty(menu.Buttons);
        Assert.Contains("1. ", menu.Text, StringComparison.Ordinal);
        Assert.Contains("gõ số thứ tự", menu.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bấm một nút", menu.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_and_follow_a_dossier_by_numbered_choice_and_query_buttons()
    {
        await Zalo.SendTextAsync(Citizen, "xin chào");
        await Zalo.WaitForAsync(Citizen, "Ông/bà cần giúp gì");

        await Zalo.PressAsync(Citizen, "Tra cứu hồ sơ");
        await Zalo.WaitForAsync(Citizen, "Mời ông/bà nhập mã hồ sơ");
        await Zalo.SendTextAsync(Citizen, "hs 2411 0001");
        var details = await Zalo.WaitForAsync(Citizen, "📄 Hồ sơ HS-2411-0001");
        Assert.Contains("Đang giải quyết", details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", details.Text, StringComparison.Ordinal);
        Assert.NotEmpty(details.Buttons);
        Assert.All(details.Buttons, b => Assert.StartsWith("#cb:", b.Payload, StringComparison.Ordinal));

        await Zalo.PressAsync(Citizen, "Theo dõi");
        await Zalo.WaitForAsync(Citizen, "4 số cuối");
        await Zalo.SendTextAsync(Citizen, "5678");
        await Zalo.WaitForAsync(Citizen, "Đã đăng ký theo dõi hồ sơ HS-2411-0001");
    }
}
