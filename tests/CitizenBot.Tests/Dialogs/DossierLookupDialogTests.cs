using CitizenBot.Core.Dossiers;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dialogs;

public sealed class DossierLookupDialogTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public DossierLookupDialogTests()
    {
        _bot.SeedDossier("HS-2411-0001", DossierStatus.InProgress, BotHarness.Start.AddDays(3));
        _bot.SeedDossier("HS-2411-0002", DossierStatus.InProgress, BotHarness.Start.AddDays(-2));
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task First_contact_greets_and_offers_the_menu_as_buttons()
    {
        var replies = await _bot.SayAsync("/start");

        replies.ShouldSay("Kính chào ông/bà");
        replies.ShouldOfferButton("Tra cứu hồ sơ");
        replies.ShouldOfferButton("Hỏi cán bộ");
    }

    [Fact]
    public async Task Menu_typed_without_diacritics_starts_the_lookup()
    {
        await _bot.SayAsync("/start");

        var replies = await _bot.SayAsync("tra cuu ho so");

        replies.ShouldSay("Mời ông/bà nhập mã hồ sơ");
    }

    [Fact]
    public async Task Found_dossier_shows_status_in_words_due_distance_and_a_masked_name()
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var replies = await _bot.SayAsync("HS-2411-0001");

        replies.ShouldSay("Đăng ký khai sinh");
        replies.ShouldSay("Đang giải quyết");
        replies.ShouldSay("còn 3 ngày");
        replies.ShouldSay("N***** V** A*");
        replies.ShouldNotSay("Nguyễn Văn An");
        replies.ShouldOfferButton("Theo dõi hồ sơ này");
    }

    [Theory]
    [InlineData("hs-2411-0001")]
    [InlineData("  HS 2411 0001 ")]
    [InlineData("2411-0001")]
    [InlineData("24110001")]
    public async Task Codes_are_found_despite_case_spaces_and_a_missing_prefix(string typed)
    {
        await _bot.SayAsync("/start");

        var replies = await _bot.SayAsync(typed);

        replies.ShouldSay("📄 Hồ sơ HS-2411-0001");
    }

    [Fact]
    public async Task Overdue_dossier_is_shown_with_an_apology()
    {
        await _bot.SayAsync("/start");

        var replies = await _bot.SayAsync("HS-2411-0002");

        replies.ShouldSay("đã quá hạn 2 ngày");
        replies.ShouldSay("thành thật xin lỗi");
    }

    [Fact]
    public async Task Lookup_with_unknown_code_offers_retry_officer_and_menu()
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var replies = await _bot.SayAsync("HS-9999-9999");

        replies.ShouldSay("không tìm thấy hồ sơ");
        replies.ShouldSay("HS-2411-0001");
        replies.ShouldOfferButton("Nhập lại mã");
        replies.ShouldOfferButton("Hỏi cán bộ");
        replies.ShouldOfferButton("Về menu chính");
    }

    [Fact]
    public async Task Malformed_code_is_asked_again_then_the_bot_gives_up_politely_with_a_way_back()
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var first = await _bot.SayAsync("xin chào");
        var second = await _bot.SayAsync("abc");
        var third = await _bot.SayAsync("!!!");

        first.ShouldSay("Mã hồ sơ chưa đúng dạng");
        second.ShouldSay("Mã hồ sơ chưa đúng dạng");
        third.ShouldSay("Xin lỗi ông/bà, tôi vẫn chưa nhận được thông tin phù hợp");
        third.ShouldOfferButton("Về menu chính");
        var afterGivingUp = await _bot.SayAsync("HS-2411-0001");
        afterGivingUp.ShouldSay("📄 Hồ sơ HS-2411-0001");
    }

    [Fact]
    public async Task Following_with_the_right_last_four_digits_succeeds()
    {
        await _bot.SayAsync("HS-2411-0001");
        await _bot.PressAsync("Theo dõi hồ sơ này");

        var replies = await _bot.SayAsync("5678");

        replies.ShouldSay("Đã đăng ký theo dõi hồ sơ HS-2411-0001");
        Assert.True(_bot.Get<DossierFollows>().IsFollowing("HS-2411-0001", _bot.Address));
    }

    [Fact]
    public async Task Following_with_wrong_digits_is_refused_after_three_tries_and_points_to_an_officer()
    {
        await _bot.SayAsync("HS-2411-0001");
        await _bot.PressAsync("Theo dõi hồ sơ này");

        var first = await _bot.SayAsync("1111");
        await _bot.SayAsync("2222");
        var last = await _bot.SayAsync("3333");

        first.ShouldSay("còn 2 lần thử");
        last.ShouldSay("chưa thể đăng ký theo dõi");
        last.ShouldOfferButton("Hỏi cán bộ");
        Assert.False(_bot.Get<DossierFollows>().IsFollowing("HS-2411-0001", _bot.Address));
    }

    [Fact]
    public async Task Digits_that_are_not_four_digits_are_asked_again_without_counting_as_a_wrong_guess()
    {
        await _bot.SayAsync("HS-2411-0001");
        await _bot.PressAsync("Theo dõi hồ sơ này");

        var replies = await _bot.SayAsync("56a8");

        replies.ShouldSay("Xin nhập đúng 4 chữ số");
        (await _bot.SayAsync("5678")).ShouldSay("Đã đăng ký theo dõi");
    }
}
