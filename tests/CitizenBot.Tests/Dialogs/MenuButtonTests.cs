using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Dialogs;

/// <summary>Main-menu buttons mean the same on every message: pressed on an old menu, they start their feature at once.</summary>
public sealed class MenuButtonTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public MenuButtonTests() => _bot.SeedDossier("HS-2411-0001", DossierStatus.InProgress, BotHarness.Start.AddDays(3));

    public void Dispose() => _bot.Dispose();

    private Button FirstMenuButton(string labelPart) =>
        _bot.Get<Outbox>().All().SelectMany(m => m.Buttons).First(b => b.Label.Contains(labelPart, StringComparison.Ordinal));

    [Fact]
    public async Task Main_menu_buttons_carry_menu_payloads()
    {
        var replies = await _bot.SayAsync("/start");

        var menu = replies.Last().Buttons;
        Assert.NotEmpty(menu);
        Assert.All(menu, b => Assert.StartsWith(MenuEntry.PayloadPrefix, b.Payload, StringComparison.Ordinal));
        Assert.Contains(menu, b => b.Payload == "menu:dossier");
    }

    [Fact]
    public async Task A_menu_button_on_an_old_message_starts_its_feature_in_the_middle_of_another_flow()
    {
        await _bot.SayAsync("/start");
        var oldLookup = FirstMenuButton("Tra cứu hồ sơ");
        await _bot.PressAsync("Gửi kiến nghị, phản ánh");
        await _bot.PressAsync("Kiến nghị");

        var replies = await _bot.TurnAsync(TurnInput.FromPayload(oldLookup.Payload));

        replies.ShouldNotSay(PromptTexts.StaleButton);
        replies.ShouldSay("Đã dừng việc gửi kiến nghị, phản ánh đang làm dở.");
        replies.ShouldSay("Mời ông/bà nhập mã hồ sơ");
        (await _bot.SayAsync("HS-2411-0001")).ShouldSay("📄 Hồ sơ HS-2411-0001");
    }

    [Fact]
    public async Task A_menu_button_after_a_lookup_result_starts_its_feature_without_saying_a_flow_was_left()
    {
        await _bot.SayAsync("/start");
        var oldPetition = FirstMenuButton("Gửi kiến nghị");
        await _bot.SayAsync("HS-2411-0001");

        var replies = await _bot.TurnAsync(TurnInput.FromPayload(oldPetition.Payload));

        replies.ShouldNotSay("Đã dừng");
        replies.ShouldNotSay(PromptTexts.StaleButton);
        replies.ShouldOfferButton("Kiến nghị");
    }

    [Fact]
    public async Task On_Zalo_a_number_typed_for_an_old_menu_starts_its_feature_in_the_middle_of_another_flow()
    {
        var zalo = new ChatAddress("zalo", "u1");
        var menu = (await _bot.SayAsync("/start", zalo)).Last().Buttons.Select(b => b.Payload).ToList();
        await _bot.PressAsync("Gửi kiến nghị, phản ánh", zalo);

        // Zalo shows the menu as a numbered list; "1" typed later maps back to the first button's payload.
        var input = CitizenBot.Channels.Zalo.ZaloEventProcessor.ToInput(
            new CitizenBot.Channels.Zalo.ZaloEvent { AppId = "1", Name = "user_send_text", Timestamp = "1", UserId = "u1", Text = "1" }, 99, menu)!;
        var replies = await _bot.TurnAsync(input, zalo);

        Assert.StartsWith(MenuEntry.PayloadPrefix, input.Payload, StringComparison.Ordinal);
        replies.ShouldNotSay(PromptTexts.StaleButton);
        replies.ShouldSay("Đã dừng việc gửi kiến nghị, phản ánh đang làm dở.");
        replies.ShouldSay("Mời ông/bà nhập mã hồ sơ");
    }

    [Fact]
    public async Task A_menu_button_of_a_removed_feature_shows_the_menu()
    {
        await _bot.SayAsync("/start");

        var replies = await _bot.TurnAsync(TurnInput.FromPayload("menu:gone"));

        replies.ShouldOfferButton("Tra cứu hồ sơ");
        replies.ShouldLeaveAWayOn();
    }

    [Theory]
    [InlineData("hướng dẫn")]
    [InlineData("huong dan")]
    [InlineData("Hướng dẫn")]
    public async Task Huong_dan_typed_alone_opens_the_procedures_guide_not_the_help(string typed)
    {
        await _bot.SayAsync("/start");

        var replies = await _bot.SayAsync(typed);

        replies.ShouldSay("Ông/bà cần làm thủ tục gì?");
        replies.ShouldNotSay("ℹ️");
    }

    [Fact]
    public async Task Huong_dan_in_the_middle_of_a_lookup_opens_the_guide()
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var replies = await _bot.SayAsync("hướng dẫn");

        replies.ShouldSay("Ông/bà cần làm thủ tục gì?");
        replies.ShouldNotSay("Mã hồ sơ chưa đúng dạng");
    }

    [Theory]
    [InlineData("trợ giúp")]
    [InlineData("help")]
    public async Task Help_words_still_give_help(string typed)
    {
        await _bot.SayAsync("/start");
        await _bot.PressAsync("Tra cứu hồ sơ");

        var replies = await _bot.SayAsync(typed);

        replies.ShouldSay("ℹ️");
        replies.ShouldSay("Mời ông/bà nhập mã hồ sơ");
    }
}
