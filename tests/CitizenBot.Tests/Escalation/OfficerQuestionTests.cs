using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Escalation;

public sealed class OfficerQuestionTests : IDisposable
{
    private const string OfficerId = "700";
    private const string LeaderId = "800";
    private readonly BotHarness _bot = new();

    public OfficerQuestionTests()
    {
        _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);
        _bot.Get<UserRoles>().Grant("telegram:" + LeaderId, UserRole.Leader, BotHarness.AdminKey);
    }

    public void Dispose() => _bot.Dispose();

    private List<OutboxMessage> ToOfficers() => _bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 1000);

    private List<OutboxMessage> ToCitizen() => _bot.Get<Outbox>().For(_bot.Address.Key, 0, 1000);

    private async Task<OfficerQuestion> AskAsync(string text = "Cho tôi hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?")
    {
        await _bot.SayAsync("menu");
        await _bot.SayAsync(text);
        await _bot.PressAsync(GuideTexts.AskLabel);
        return _bot.Get<QuestionBook>().Open().Single();
    }

    [Fact]
    public async Task Free_text_the_guide_cannot_answer_is_relayed_to_the_officers_once_the_citizen_confirms()
    {
        await _bot.SayAsync("menu");
        (await _bot.SayAsync("Cho tôi hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?")).ShouldOfferButton(GuideTexts.AskLabel);
        Assert.Empty(ToOfficers());

        var replies = await _bot.PressAsync(GuideTexts.AskLabel);

        replies.ShouldSay("đã chuyển tới cán bộ xã (mã câu hỏi Q-");
        var relay = Assert.Single(ToOfficers());
        Assert.Contains("thủ tục đăng ký khai sinh", relay.Text, StringComparison.Ordinal);
        Assert.Contains("đang ở mục: Menu chính", relay.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Address.ChatId, relay.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alo")]
    [InlineData("chào bạn")]
    [InlineData("😀 😀 😀")]
    public async Task A_greeting_or_a_few_characters_are_not_relayed(string text)
    {
        await _bot.SayAsync("menu");

        var replies = await _bot.SayAsync(text);

        replies.ShouldNotOfferButton(GuideTexts.AskLabel);
        replies.ShouldLeaveAWayOn();

        Assert.Empty(ToOfficers());
    }

    [Fact]
    public async Task The_relay_carries_a_masked_phone_when_the_citizen_gave_one_and_never_the_name()
    {
        await _bot.BookAsync(_bot.Address);

        await AskAsync();

        var relay = Assert.Single(ToOfficers());
        Assert.Contains("SĐT ******5678", relay.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", relay.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", relay.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_answers_by_command_and_the_citizen_hears_the_role_not_the_account()
    {
        var question = await AskAsync();

        (await _bot.CommandAsync($"/traloi {question.Tag} Cần tờ khai và giấy chứng sinh.", OfficerId)).ShouldSay("Đã gửi câu trả lời");

        var answer = ToCitizen().Last();
        Assert.Contains($"Trả lời câu hỏi {question.Tag}", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Cần tờ khai và giấy chứng sinh.", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Cán bộ Bộ phận Một cửa UBND xã", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(OfficerId, answer.Text, StringComparison.Ordinal);
        var stored = _bot.Get<QuestionBook>().Get(question.Tag)!;
        Assert.Equal(OfficerQuestionStatus.Answered, stored.Status);
        Assert.Equal("telegram:" + OfficerId, stored.AnsweredBy);
        Assert.Contains(_bot.Get<AuditLog>().Latest(5), e => e.Action == "question.answer" && e.Subject == question.Tag);
    }

    [Fact]
    public async Task A_reply_to_the_relayed_message_is_the_answer_and_a_second_answer_is_not_sent()
    {
        var question = await AskAsync();
        var relay = Assert.Single(ToOfficers());
        await _bot.Get<Outbox>().TryClaimAsync(relay.Id, _bot.Clock.GetUtcNow());
        await _bot.Get<Outbox>().CompleteAsync(relay.Id, SendOutcome.SentAs("4242"), _bot.Clock.GetUtcNow(), 8);

        var reply = new TurnInput { Text = "Ông/bà mang theo giấy chứng sinh nhé.", UserId = LeaderId, InGroup = true, ReplyToMessageId = "4242" };
        (await _bot.TurnAsync(reply, BotHarness.OfficersChat)).ShouldSay("Đã gửi câu trả lời");
        var again = reply with { Text = "Một câu trả lời khác", UpdateId = 2 };
        (await _bot.TurnAsync(again, BotHarness.OfficersChat)).ShouldSay("đã được trả lời trước đó");

        var answers = ToCitizen().Where(m => m.Text.Contains("Trả lời câu hỏi", StringComparison.Ordinal)).ToList();
        var answer = Assert.Single(answers);
        Assert.Contains("Lãnh đạo UBND xã", answer.Text, StringComparison.Ordinal);
        Assert.Equal(OfficerQuestionStatus.Answered, _bot.Get<QuestionBook>().Get(question.Tag)!.Status);
    }

    [Fact]
    public async Task A_citizens_reply_in_the_officers_group_is_ignored_and_answers_nothing()
    {
        await AskAsync();
        var relay = Assert.Single(ToOfficers());
        await _bot.Get<Outbox>().TryClaimAsync(relay.Id, _bot.Clock.GetUtcNow());
        await _bot.Get<Outbox>().CompleteAsync(relay.Id, SendOutcome.SentAs("4243"), _bot.Clock.GetUtcNow(), 8);

        var replies = await _bot.TurnAsync(new TurnInput { Text = "tôi trả lời hộ", UserId = "555", InGroup = true, ReplyToMessageId = "4243" }, BotHarness.OfficersChat);

        Assert.Empty(replies);
        Assert.Single(_bot.Get<QuestionBook>().Open());
    }

    [Fact]
    public async Task A_question_left_unanswered_is_put_to_the_officers_again_and_the_citizen_gets_one_apology()
    {
        var question = await AskAsync();
        var sweep = _bot.Get<UnansweredQuestionSweep>();

        _bot.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, sweep.Run());
        _bot.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, sweep.Run());
        Assert.Equal(0, sweep.Run());
        _bot.Restart();
        Assert.Equal(0, _bot.Get<UnansweredQuestionSweep>().Run());
        _bot.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(1, _bot.Get<UnansweredQuestionSweep>().Run());

        var relays = ToOfficers();
        Assert.Equal(3, relays.Count);
        Assert.Contains("đã chờ 4 giờ", relays[1].Text, StringComparison.Ordinal);
        Assert.Single(ToCitizen(), m => m.Text.Contains("cần thêm thời gian", StringComparison.Ordinal));

        await _bot.CommandAsync($"/traloi {question.Tag} Đã có câu trả lời", OfficerId);
        _bot.Clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal(0, _bot.Get<UnansweredQuestionSweep>().Run());
    }

    [Fact]
    public async Task Officers_list_the_waiting_questions_and_a_citizen_cannot()
    {
        var question = await AskAsync();

        (await _bot.CommandAsync("/cauhoi", OfficerId)).ShouldSay(question.Tag);
        (await _bot.CommandAsync("/cauhoi", "555")).ShouldNotSay(question.Tag);
        (await _bot.CommandAsync($"/traloi {question.Tag} tự trả lời", "555")).ShouldSay("chỉ dành cho");
        Assert.Single(_bot.Get<QuestionBook>().Open());
    }
}
