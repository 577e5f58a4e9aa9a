using CitizenBot.Core.Dossiers;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dialogs;

/// <summary>A resolved dossier says where and how to collect its result.</summary>
public sealed class DossierPickupTests : IDisposable
{
    private readonly BotHarness _bot = new(communePhone: "0237 3888 999", communeAddress: "Thôn Một, xã Thử Nghiệm", officeHours: "sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu");

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_resolved_dossier_names_the_desk_its_address_hours_phone_and_what_to_bring()
    {
        _bot.SeedDossier("HS-2411-0003", DossierStatus.Resolved, BotHarness.Start.AddDays(1));

        var replies = await _bot.SayAsync("HS-2411-0003");

        replies.ShouldSay("Mời ông/bà đến nhận kết quả tại:");
        replies.ShouldSay("Bộ phận Tiếp nhận và trả kết quả (Một cửa), UBND xã Thử Nghiệm");
        replies.ShouldSay("• Địa chỉ: Thôn Một, xã Thử Nghiệm");
        replies.ShouldSay("• Thời gian: sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu");
        replies.ShouldSay("• Điện thoại: 0237 3888 999");
        replies.ShouldSay("giấy biên nhận hồ sơ và căn cước (CCCD)");
    }

    [Fact]
    public async Task A_dossier_still_in_progress_says_nothing_about_collecting()
    {
        _bot.SeedDossier("HS-2411-0004", DossierStatus.InProgress, BotHarness.Start.AddDays(3));

        var replies = await _bot.SayAsync("HS-2411-0004");

        replies.ShouldNotSay("nhận kết quả tại");
    }

    [Fact]
    public async Task A_dossier_sent_by_public_post_names_the_post_first()
    {
        _bot.SeedDossier("HS-2411-0005", DossierStatus.Resolved, BotHarness.Start.AddDays(1), channel: DossierChannel.Postal);

        var replies = await _bot.SayAsync("HS-2411-0005");

        replies.ShouldSay("bưu chính công ích");
        replies.ShouldSay("kết quả sẽ được gửi đến địa chỉ ông/bà đã ghi");
        replies.ShouldSay("Bộ phận Tiếp nhận và trả kết quả");
    }

    [Fact]
    public async Task Without_address_or_hours_set_the_desk_is_named_with_office_hours_in_words()
    {
        using var bot = new BotHarness();
        bot.SeedDossier("HS-2411-0006", DossierStatus.Resolved, BotHarness.Start.AddDays(1));

        var replies = await bot.SayAsync("HS-2411-0006");

        replies.ShouldSay("• Thời gian: trong giờ hành chính");
        replies.ShouldNotSay("• Địa chỉ:");
        replies.ShouldNotSay("• Điện thoại:");
    }
}
