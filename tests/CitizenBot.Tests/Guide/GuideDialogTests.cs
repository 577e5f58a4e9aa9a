using CitizenBot.Core.Escalation;
using CitizenBot.Core.Guide;
using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Dossiers;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Escalation;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Host.Demo;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Guide;

/// <summary>Free text at the menu, through the real engine: the guide answers, the menu is reached by typo, and officers get only what the citizen agreed to send.</summary>
public sealed class GuideDialogTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public GuideDialogTests() => DemoCommune.SeedGuideIfEmpty(_bot.Get<GuideBook>());

    public void Dispose() => _bot.Dispose();

    private int Asked(BotHarness? bot = null) => (bot ?? _bot).Get<QuestionBook>().AskedSince((bot ?? _bot).Address, DateTimeOffset.MinValue);

    private List<OutboxMessage> ToOfficers(BotHarness? bot = null) => [.. (bot ?? _bot).Get<Outbox>().All().Where(m => m.AddressKey == BotHarness.OfficersChat.Key)];

    [Fact]
    public async Task A_typo_of_a_menu_item_reaches_the_menu_item()
    {
        await _bot.SayAsync("menu");

        var replies = await _bot.SayAsync("tra cu ho so");

        replies.ShouldSay(DossierTexts.AskCode);
        Assert.Equal(0, Asked());
    }

    [Fact]
    public async Task A_procedure_question_is_answered_from_the_guide_with_papers_fee_and_place_and_never_reaches_the_officers()
    {
        await _bot.SayAsync("menu");

        var replies = await _bot.SayAsync("tôi muốn làm giấy khai sinh thì cần gì");

        replies.ShouldSay("📋 Đăng ký khai sinh");
        replies.ShouldSay("Giấy tờ cần mang: Tờ khai đăng ký khai sinh");
        replies.ShouldSay("Lệ phí: Miễn lệ phí khi đăng ký đúng hạn");
        replies.ShouldSay("Nơi nộp: Bộ phận Một cửa");
        replies.ShouldSay("Căn cứ pháp lý: Luật Hộ tịch năm 2014");
        // Not verified in the demo: said plainly instead of guessed.
        replies.ShouldSay("Thời gian giải quyết: " + GuideTexts.AskDesk);
        replies.ShouldOfferButton("Hỏi cán bộ");
        replies.ShouldSay("cần giúp gì thêm");
        Assert.Equal(0, Asked());
        Assert.Empty(ToOfficers());
    }

    [Fact]
    public async Task A_question_without_diacritics_and_with_regional_words_is_answered_too()
    {
        await _bot.SayAsync("menu");

        (await _bot.SayAsync("lam giay chung tu cho bo")).ShouldSay("📋 Đăng ký khai tử");
        (await _bot.SayAsync("giấy khai sanh cho bé làm ở đâu vậy")).ShouldSay("📋 Đăng ký khai sinh");
        Assert.Equal(0, Asked());
    }

    [Fact]
    public async Task An_unconfirmed_entry_is_never_shown_until_an_officer_confirms_it()
    {
        var book = _bot.Get<GuideBook>();
        book.Upsert([(new GuideEntry
        {
            Name = "Đăng ký thường trú",
            Aliases = ["nhập hộ khẩu", "chuyển hộ khẩu"],
            Papers = "Tờ khai thay đổi thông tin cư trú",
            LegalBasis = "Luật Cư trú năm 2020",
            SourceUrl = "https://vbpl.vn/luat-cu-tru",
        }, false)], "telegram:700");
        await _bot.SayAsync("menu");

        var replies = await _bot.SayAsync("tôi muốn chuyển hộ khẩu về xã");

        replies.ShouldNotSay("Đăng ký thường trú");
        replies.ShouldNotSay("Tờ khai thay đổi thông tin cư trú");
        replies.ShouldNotOfferButton("Đăng ký thường trú");
        replies.ShouldOfferButton(GuideTexts.AskLabel);

        Assert.True(book.Confirm("Đăng ký thường trú", "telegram:700"));
        await _bot.SayAsync("menu");
        (await _bot.SayAsync("tôi muốn chuyển hộ khẩu về xã")).ShouldSay("📋 Đăng ký thường trú");

        // Edited content waits for a new confirmation.
        book.Upsert([(new GuideEntry { Name = "Đăng ký thường trú", Aliases = ["nhập hộ khẩu", "chuyển hộ khẩu"], Papers = "Khác", LegalBasis = "Luật Cư trú năm 2020" }, false)], "telegram:701");
        await _bot.SayAsync("menu");
        (await _bot.SayAsync("tôi muốn chuyển hộ khẩu về xã")).ShouldNotSay("📋 Đăng ký thường trú");
    }

    [Theory]
    [InlineData("xin chào")]
    [InlineData("chào bạn")]
    [InlineData("alo")]
    public async Task A_greeting_gets_a_friendly_answer_and_the_menu(string text)
    {
        await _bot.SayAsync("menu");

        var replies = await _bot.SayAsync(text);

        replies.ShouldSay("Kính chào ông/bà");
        replies.ShouldNotSay("chưa hiểu");
        replies.ShouldOfferButton("Tra cứu hồ sơ");
        Assert.Equal(0, Asked());
    }

    [Fact]
    public async Task A_first_greeting_is_welcomed_once()
    {
        var replies = await _bot.SayAsync("xin chào");

        Assert.Single(replies, r => r.Text.Contains("Kính chào ông/bà", StringComparison.Ordinal));
        replies.ShouldOfferButton("Tra cứu hồ sơ");
    }

    [Theory]
    [InlineData("cảm ơn")]
    [InlineData("cam on nhe")]
    public async Task Thanks_get_a_friendly_answer_and_the_menu(string text)
    {
        await _bot.SayAsync("menu");

        var replies = await _bot.SayAsync(text);

        replies.ShouldSay("không có gì");
        replies.ShouldNotSay("chưa hiểu");
        replies.ShouldOfferButton("Tra cứu hồ sơ");
    }

    [Fact]
    public async Task When_nothing_fits_the_bot_offers_to_ask_an_officer_and_only_the_confirmation_counts()
    {
        await _bot.SayAsync("menu");

        var offer = await _bot.SayAsync("Xin hỏi khi nào xã chi trả tiền đền bù làm đường?");

        offer.ShouldSay("Ông/bà có muốn gửi câu hỏi cho cán bộ xã không?");
        offer.ShouldOfferButton(GuideTexts.AskLabel);
        offer.ShouldOfferButton(GuideTexts.NoLabel);
        Assert.Equal(0, Asked());
        Assert.Empty(ToOfficers());

        var sent = await _bot.PressAsync(GuideTexts.AskLabel);

        sent.ShouldSay("đã chuyển tới cán bộ xã (mã câu hỏi Q-");
        Assert.Equal(1, Asked());
        Assert.Contains("tiền đền bù", Assert.Single(_bot.Get<QuestionBook>().Open()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_the_offer_sends_and_counts_nothing()
    {
        await _bot.SayAsync("menu");
        await _bot.SayAsync("Xin hỏi khi nào xã chi trả tiền đền bù làm đường?");

        var replies = await _bot.PressAsync(GuideTexts.NoLabel);

        replies.ShouldSay(GuideTexts.Declined);
        replies.ShouldOfferButton("Tra cứu hồ sơ");
        Assert.Equal(0, Asked());
        Assert.Empty(_bot.Get<QuestionBook>().Open());
    }

    [Fact]
    public async Task Typing_another_question_at_the_offer_answers_it_instead()
    {
        await _bot.SayAsync("menu");
        await _bot.SayAsync("Xin hỏi lịch tiêm phòng cho trẻ ở thôn tháng này là ngày nào?");

        var replies = await _bot.SayAsync("đăng ký kết hôn cần giấy tờ gì");

        replies.ShouldSay("📋 Đăng ký kết hôn");
        Assert.Equal(0, Asked());
    }

    [Fact]
    public async Task Asking_for_an_officer_in_words_leads_to_the_officer_question()
    {
        await _bot.SayAsync("menu");

        var replies = await _bot.SayAsync("cho tôi gặp cán bộ");

        replies.ShouldSay(AskOfficerTexts.AskQuestion);
        Assert.Equal(0, Asked());
        (await _bot.SayAsync("Xin hỏi khi nào xã chi trả tiền đền bù làm đường?")).ShouldSay("Đã chuyển câu hỏi tới cán bộ xã");
        Assert.Equal(1, Asked());

        await _bot.SayAsync("menu");
        (await _bot.SayAsync("tôi muốn nói chuyện với cán bộ về việc đền bù làm đường")).ShouldOfferButton(GuideTexts.AskLabel);
        Assert.Equal(1, Asked());
    }

    [Fact]
    public async Task A_procedure_button_works_from_an_older_message()
    {
        await _bot.SayAsync("menu");
        var list = await _bot.SayAsync("📚 Hướng dẫn thủ tục");
        list.ShouldOfferButton("📋 Đăng ký kết hôn");
        await _bot.SayAsync("menu");
        await _bot.SayAsync("cảm ơn");

        var replies = await _bot.TurnAsync(TurnInput.FromPayload(GuideDialog.PayloadPrefix + GuideAnswers.ProcedurePrefix
            + GuideAnswers.RefOf(_bot.Get<GuideBook>().Get(GuideBook.KeyOf("Đăng ký kết hôn"))!)));

        replies.ShouldSay("📋 Đăng ký kết hôn");
        replies.ShouldNotSay(PromptTexts.StaleButton);
    }

    [Fact]
    public async Task At_the_daily_limit_the_refusal_gives_the_communes_phone()
    {
        using var bot = new BotHarness(limits: new RateLimitOptions { TurnsPerWindow = 10_000, QuestionsPerDay = 1, QuestionsPerSenderPerDay = 100 }, communePhone: "0237 3868 123");
        await bot.SayAsync("menu");
        await bot.SayAsync("Xin hỏi lịch tiêm phòng cho trẻ ở thôn tháng này là ngày nào?");
        (await bot.PressAsync(GuideTexts.AskLabel)).ShouldSay("đã chuyển tới cán bộ xã");
        bot.Clock.Advance(TimeSpan.FromMinutes(5));

        await bot.SayAsync("Xin hỏi khi nào xã chi trả tiền đền bù làm đường?");
        var refused = await bot.PressAsync(GuideTexts.AskLabel);

        refused.ShouldSay("theo số 0237 3868 123");
        refused.ShouldNotSay("gọi điện hoặc đến trực tiếp");
        Assert.Equal(1, Asked(bot));
    }
}
