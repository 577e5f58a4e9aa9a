using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dialogs;

public sealed class InterruptionTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public InterruptionTests() => _bot.SeedDossier("HS-2411-0001", DossierStatus.InProgress, BotHarness.Start.AddDays(3));

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("hủy")]
    [InlineData("HUY")]
    [InlineData("/huy")]
    public async Task Cancel_in_the_middle_of_a_prompt_returns_to_the_menu(string cancel)
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var replies = await _bot.SayAsync(cancel);

        replies.ShouldSay("Đã hủy");
        replies.ShouldOfferButton("Tra cứu hồ sơ");
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("/menu")]
    [InlineData("/start")]
    [InlineData("Về menu chính")]
    public async Task Menu_works_at_every_step(string menu)
    {
        await _bot.SayAsync("HS-2411-0001");
        await _bot.PressAsync("Theo dõi hồ sơ này");

        var replies = await _bot.SayAsync(menu);

        replies.ShouldOfferButton("Tra cứu hồ sơ");
        (await _bot.SayAsync("5678")).ShouldNotSay("Đã đăng ký theo dõi");
    }

    [Fact]
    public async Task Help_explains_the_current_step_and_asks_the_same_question_again()
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var help = await _bot.SayAsync("tro giup");
        var next = await _bot.SayAsync("HS-2411-0001");

        help.ShouldSay("giấy biên nhận");
        help.ShouldSay("Mời ông/bà nhập mã hồ sơ");
        next.ShouldSay("📄 Hồ sơ HS-2411-0001");
    }

    [Fact]
    public async Task A_button_from_an_earlier_question_is_refused_politely_and_the_question_repeated()
    {
        await _bot.SayAsync("HS-2411-0001");
        var oldFollow = _bot.Get<Outbox>().All().SelectMany(m => m.Buttons).First(b => b.Label.Contains("Theo dõi hồ sơ này", StringComparison.Ordinal));
        await _bot.PressAsync("Tra cứu mã khác");

        var replies = await _bot.TurnAsync(TurnInput.FromPayload(oldFollow.Payload));

        replies.ShouldSay("đã hết hiệu lực");
        replies.ShouldSay("Mời ông/bà nhập mã hồ sơ");
    }

    [Fact]
    public async Task A_button_that_was_never_issued_does_not_break_the_conversation()
    {
        await _bot.SayAsync("/start");

        var replies = await _bot.TurnAsync(TurnInput.FromPayload("zzzzzz|nothing"));

        replies.ShouldLeaveAWayOn();
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_flow_resumes_at_the_same_step()
    {
        await _bot.SayAsync("HS-2411-0001");
        await _bot.PressAsync("Theo dõi hồ sơ này");

        _bot.Restart();
        var replies = await _bot.SayAsync("5678");

        replies.ShouldSay("Đã đăng ký theo dõi hồ sơ HS-2411-0001");
    }

    [Fact]
    public async Task An_update_already_handled_is_not_handled_again()
    {
        await _bot.TurnAsync(TurnInput.FromText("/start", updateId: 10));

        var repeated = await _bot.TurnAsync(TurnInput.FromText("/start", updateId: 10));

        Assert.Empty(repeated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("请问我的档案在哪里")]
    [InlineData("مرحبا")]
    [InlineData("<b>hi</b> *bold* [x](http://a)")]
    [InlineData("\u0001\u0002\u0007")]
    public async Task Hostile_input_at_the_code_prompt_gets_a_polite_answer_and_a_way_back(string input)
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var replies = await _bot.SayAsync(input);

        Assert.NotEmpty(replies);
        replies.ShouldLeaveAWayOn();
        replies.ShouldNotSay("Exception");
    }

    [Fact]
    public async Task Ten_thousand_characters_are_answered_politely()
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Hỏi cán bộ");

        var replies = await _bot.SayAsync(new string('a', 10_000));

        replies.ShouldSay("Nội dung dài quá 1000 ký tự");
    }

    [Fact]
    public async Task Asking_an_officer_relays_the_question_without_the_citizens_identity()
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Hỏi cán bộ");

        var replies = await _bot.SayAsync("Cho tôi hỏi thủ tục làm giấy khai sinh cần gì?");

        replies.ShouldSay("Đã chuyển câu hỏi tới cán bộ xã");
        var relay = Assert.Single(_bot.Get<Outbox>().All(), m => m.AddressKey == "telegram:-100");
        Assert.Contains("thủ tục làm giấy khai sinh", relay.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Address.ChatId, relay.Text, StringComparison.Ordinal);
    }
}
