using CitizenBot.Core.Dossiers;
using CitizenBot.Dialogs.Dossiers;
using CitizenBot.Dialogs.Engine;
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
    [InlineData("HS24110001")]
    [InlineData("hs.2411/0001")]
    public async Task Codes_are_found_despite_case_spaces_and_dashes(string typed)
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
    public async Task Another_code_typed_after_a_result_is_looked_up_at_once()
    {
        await _bot.SayAsync("HS-2411-0001");

        var second = await _bot.SayAsync("HS-2411-0002");
        var third = await _bot.SayAsync("hs 2411 0001");
        var fourth = await _bot.SayAsync("HS-2411-0002");

        second.ShouldSay("📄 Hồ sơ HS-2411-0002");
        second.ShouldNotSay("HS-2411-0001");
        second.ShouldNotSay("chưa hiểu lựa chọn");
        third.ShouldSay("📄 Hồ sơ HS-2411-0001");
        fourth.ShouldSay("📄 Hồ sơ HS-2411-0002");
        fourth.ShouldNotSay("vẫn chưa nhận được thông tin phù hợp");
    }

    [Fact]
    public async Task Another_code_typed_after_a_not_found_is_looked_up_at_once()
    {
        await _bot.SayAsync("HS-9999-9999");

        var replies = await _bot.SayAsync("HS-2411-0001");

        replies.ShouldSay("📄 Hồ sơ HS-2411-0001");
    }

    [Fact]
    public async Task Pressing_another_lookup_then_typing_a_code_shows_the_new_dossier()
    {
        await _bot.SayAsync("HS-2411-0001");
        (await _bot.PressAsync("Tra cứu mã khác")).ShouldSay("Mời ông/bà nhập mã hồ sơ");

        var replies = await _bot.SayAsync("HS-2411-0002");

        replies.ShouldSay("📄 Hồ sơ HS-2411-0002");
    }

    [Fact]
    public async Task Codes_typed_one_after_another_still_count_against_the_hourly_allowance()
    {
        var allowance = _bot.Get<LookupLimitOptions>().LookupsPerHour;
        await _bot.SayAsync("HS-2411-0001");
        for (var i = 1; i < allowance; i++)
        {
            await _bot.SayAsync(i % 2 == 0 ? "HS-2411-0001" : "HS-2411-0002");
        }

        var replies = await _bot.SayAsync("HS-2411-0002");

        replies.ShouldSay("Ông/bà đã tra cứu nhiều hồ sơ trong một giờ qua");
        replies.ShouldNotSay("📄 Hồ sơ");
    }

    [Fact]
    public async Task Following_with_the_right_last_four_digits_succeeds()
    {
        await _bot.SayAsync("HS-2411-0001");
        await _bot.PressAsync("Theo dõi hồ sơ này");

        var replies = await _bot.SayAsync("5678");

        replies.ShouldSay("Đã đăng ký theo dõi hồ sơ HS-2411-0001");
        Assert.True(_bot.Get<FollowBook>().IsFollowing("HS-2411-0001", _bot.Address));
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
        Assert.False(_bot.Get<FollowBook>().IsFollowing("HS-2411-0001", _bot.Address));
    }

    [Fact]
    public async Task Digits_that_are_not_four_digits_are_asked_again_without_counting_as_a_wrong_guess()
    {
        await _bot.SayAsync("HS-2411-0001");
        await _bot.PressAsync("Theo dõi hồ sơ này");

        var replies = await _bot.SayAsync("56a8");

        replies.ShouldSay("Xin ông/bà nhập đúng 4 chữ số");
        (await _bot.SayAsync("5678")).ShouldSay("Đã đăng ký theo dõi");
    }

    [Theory]
    [InlineData("2411-0001")]
    [InlineData("24110001")]
    [InlineData("0100")]
    public async Task A_code_without_its_letters_asks_for_the_whole_code_and_shows_no_dossier(string typed)
    {
        await _bot.SayAsync("/start");

        var replies = await _bot.SayAsync(typed);

        replies.ShouldSay("mã đầy đủ");
        replies.ShouldSay("HS-2411-0001");
        replies.ShouldNotSay("📄 Hồ sơ");
        replies.ShouldOfferButton("Nhập lại mã");
    }

    [Fact]
    public async Task Typing_0001_to_0200_at_the_menu_lists_no_dossier()
    {
        for (var n = 1; n <= 30; n++)
        {
            _bot.SeedDossier($"HS-{n:0000}", DossierStatus.InProgress, BotHarness.Start.AddDays(3));
        }

        var askedForTheWholeCode = 0;
        for (var n = 1; n <= 200; n++)
        {
            // A fresh conversation each time, as an attacker's script would open. (The smallest numbers pick menu entries.)
            var replies = await _bot.SayAsync($"{n:0000}", new CitizenBot.Core.Messaging.ChatAddress("web", $"{n:x32}"));

            replies.ShouldNotSay("📄 Hồ sơ");
            replies.ShouldNotSay("N***");
            askedForTheWholeCode += replies.Any(r => r.Text.Contains("mã đầy đủ", StringComparison.Ordinal)) ? 1 : 0;
        }

        Assert.True(askedForTheWholeCode >= 180, $"Only {askedForTheWholeCode} of 200 partial codes were answered with a request for the whole code.");
    }

    [Fact]
    public async Task Lookups_beyond_the_hourly_allowance_of_one_sender_are_refused_politely_in_any_conversation()
    {
        const string sender = "web-ip:203.0.113.5";
        for (var n = 1; n <= 20; n++)
        {
            var found = await _bot.TurnAsync(new TurnInput { Text = "HS-2411-0001", SenderKey = sender }, new("web", $"{n:x32}"));
            found.ShouldSay("📄 Hồ sơ HS-2411-0001");
        }

        var refused = await _bot.TurnAsync(new TurnInput { Text = "HS-2411-0001", SenderKey = sender }, new("web", $"{21:x32}"));
        var otherSender = await _bot.TurnAsync(new TurnInput { Text = "HS-2411-0001", SenderKey = "web-ip:198.51.100.7" }, new("web", $"{22:x32}"));

        refused.ShouldSay("tra cứu nhiều hồ sơ");
        refused.ShouldNotSay("📄 Hồ sơ");
        refused.ShouldOfferButton("Hỏi cán bộ");
        otherSender.ShouldSay("📄 Hồ sơ HS-2411-0001");
        _bot.Clock.Advance(TimeSpan.FromHours(1));
        (await _bot.TurnAsync(new TurnInput { Text = "HS-2411-0001", SenderKey = sender }, new("web", $"{23:x32}"))).ShouldSay("📄 Hồ sơ HS-2411-0001");
    }

    [Fact]
    public async Task Lookups_without_a_sender_count_per_conversation()
    {
        for (var n = 1; n <= 20; n++)
        {
            await _bot.SayAsync("menu");
            (await _bot.SayAsync("HS-2411-0001")).ShouldSay("📄 Hồ sơ HS-2411-0001");
        }

        await _bot.SayAsync("menu");
        (await _bot.SayAsync("HS-2411-0001")).ShouldSay("tra cứu nhiều hồ sơ");
    }
}
