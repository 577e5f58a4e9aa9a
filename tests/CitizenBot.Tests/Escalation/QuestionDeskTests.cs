using CitizenBot.Core.Escalation;
using CitizenBot.Core.Figures;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Escalation;

/// <summary>The desk's side of questions (the officer console): waiting order, dismissal as junk or duplicate, saved answers, the flow recorded.</summary>
public sealed class QuestionDeskTests : IDisposable
{
    private const string Actor = "account:lan";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private QuestionBook Questions => _bot.Get<QuestionBook>();

    private List<OutboxMessage> ToCitizen(ChatAddress? who = null) => _bot.Get<Outbox>().For((who ?? _bot.Address).Key, 0, 1000);

    private OfficerQuestion Ask(string text, ChatAddress? from = null) => Questions.Ask(from ?? _bot.Address, text, "main", "Menu chính");

    [Fact]
    public void Waiting_questions_come_oldest_first_and_leave_the_list_once_answered()
    {
        var first = Ask("Câu hỏi thứ nhất về trợ cấp?");
        _bot.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = Ask("Câu hỏi thứ hai về đất đai?");

        Assert.Equal([first.Tag, second.Tag], Questions.Waiting().Select(q => q.Tag));

        Questions.Answer(first.Tag, "Trả lời.", EscalationTexts.OfficerTitle, Actor);

        Assert.Equal([second.Tag], Questions.Waiting().Select(q => q.Tag));
        Assert.Equal(first.Tag, Assert.Single(Questions.Handled(10)).Tag);
    }

    [Fact]
    public void A_junk_question_is_set_aside_silently_and_is_not_counted_as_asked_or_answered()
    {
        var junk = Ask("asdf asdf asdf asdf");
        var real = Ask("Xin hỏi lịch tiếp công dân tháng này?");
        Questions.Answer(real.Tag, "Thứ Năm hằng tuần.", EscalationTexts.OfficerTitle, Actor);
        var before = ToCitizen().Count;

        var (outcome, question) = Questions.Dismiss(junk.Tag, QuestionDismissal.Junk, null, Actor);

        Assert.Equal(DismissOutcome.Dismissed, outcome);
        Assert.Equal(OfficerQuestionStatus.Dismissed, question!.Status);
        Assert.Null(question.AnsweredAt);
        Assert.Equal(before, ToCitizen().Count);
        Assert.Empty(Questions.Waiting());
        Assert.Empty(Questions.Open());
        var figures = QuestionFigures.Compute(_bot.Get<CitizenDatabase>(), BotHarness.Start.AddDays(-1), BotHarness.Start.AddDays(1));
        Assert.Equal(1, figures.Asked);
        Assert.Equal(1, figures.Answered);
        Assert.Equal(1, figures.Dismissed);
        Assert.Contains(_bot.Get<AuditLog>().Latest(10), e => e.Action == "question.dismiss.junk" && e.Actor == Actor);
    }

    [Fact]
    public void A_dismissed_question_cannot_be_answered_nor_reannounced()
    {
        var junk = Ask("thử thử thử thử");
        Questions.Dismiss(junk.Tag, QuestionDismissal.Junk, null, Actor);

        Assert.Equal(AnswerOutcome.Dismissed, Questions.Answer(junk.Tag, "Trả lời muộn", EscalationTexts.OfficerTitle, Actor).Outcome);
        _bot.Clock.Advance(TimeSpan.FromHours(10));
        Assert.False(Questions.Reannounce(junk.Id, _bot.Clock.GetUtcNow()));
        Assert.Equal(DismissOutcome.NotOpen, Questions.Dismiss(junk.Tag, QuestionDismissal.Junk, null, Actor).Outcome);
    }

    [Fact]
    public void A_duplicate_from_the_same_citizen_gets_one_polite_note_pointing_to_the_original()
    {
        var original = Ask("Xin hỏi thủ tục làm giấy khai sinh?");
        var again = Ask("Xin hỏi lại thủ tục làm giấy khai sinh?");
        var before = ToCitizen().Count;

        var (outcome, question) = Questions.Dismiss(again.Tag, QuestionDismissal.Duplicate, original.Tag.ToLowerInvariant(), Actor);

        Assert.Equal(DismissOutcome.Dismissed, outcome);
        Assert.Equal(original.Tag, question!.DuplicateOf);
        var note = Assert.Single(ToCitizen().Skip(before));
        Assert.Contains($"trùng với câu hỏi {original.Tag}", note.Text, StringComparison.Ordinal);
        Assert.Equal([original.Tag], Questions.Waiting().Select(q => q.Tag));
    }

    [Fact]
    public void A_duplicate_of_another_citizens_question_or_of_itself_is_refused_and_nothing_changes()
    {
        var other = new ChatAddress("telegram", "4242");
        var theirs = Ask("Xin hỏi thủ tục làm giấy khai sinh?", other);
        var mine = Ask("Xin hỏi thủ tục làm giấy khai sinh cho con?");

        Assert.Equal(DismissOutcome.OriginalFromAnotherCitizen, Questions.Dismiss(mine.Tag, QuestionDismissal.Duplicate, theirs.Tag, Actor).Outcome);
        Assert.Equal(DismissOutcome.OriginalNotFound, Questions.Dismiss(mine.Tag, QuestionDismissal.Duplicate, mine.Tag, Actor).Outcome);
        Assert.Equal(DismissOutcome.OriginalNotFound, Questions.Dismiss(mine.Tag, QuestionDismissal.Duplicate, "Q-0000", Actor).Outcome);

        Assert.Equal(2, Questions.Waiting().Count);
        Assert.DoesNotContain(_bot.Get<AuditLog>().Latest(10), e => e.Action.StartsWith("question.dismiss", StringComparison.Ordinal));
    }

    [Fact]
    public void Saved_answers_are_checked_created_changed_and_deleted_with_the_audit()
    {
        var book = _bot.Get<SavedAnswerBook>();

        var (problems, none) = book.Save(null, " ", "", Actor);
        Assert.Null(none);
        Assert.Equal(["Text", "Title"], problems.ByField.Keys.Order());
        Assert.Empty(book.All());

        var (_, created) = book.Save(null, "Lịch chi trả", "Xã chi trả vào ngày 5 hằng tháng.", Actor);
        _bot.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, changed) = book.Save(created!.Id, "Lịch chi trả trợ cấp", "Xã chi trả vào ngày 5 hằng tháng tại nhà văn hóa.", Actor);

        var saved = Assert.Single(book.All());
        Assert.Equal("Lịch chi trả trợ cấp", saved.Title);
        Assert.Equal(changed!.UpdatedAt, saved.UpdatedAt);
        Assert.True(saved.UpdatedAt > saved.CreatedAt);
        Assert.True(book.Delete(saved.Id, Actor));
        Assert.False(book.Delete(saved.Id, Actor));
        Assert.Empty(book.All());
        Assert.Equal(["saved-answer.create", "saved-answer.edit", "saved-answer.delete"],
            _bot.Get<AuditLog>().Latest(10).Where(e => e.Action.StartsWith("saved-answer", StringComparison.Ordinal)).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action));
    }

    [Fact]
    public async Task A_question_asked_from_inside_a_flow_records_that_flow_by_its_menu_name()
    {
        await _bot.SayAsync("menu");
        await _bot.PressAsync("Đặt lịch tiếp công dân");

        await _bot.TurnAsync(TurnInput.FromPayload(PromptTexts.OfficerPayload));
        await _bot.SayAsync("Tôi không thấy ngày nào phù hợp, xin hỏi có lịch thứ Bảy không?");

        var question = Assert.Single(Questions.Waiting());
        Assert.Equal("reception.book", question.FromFlow);
        Assert.Contains("Đặt lịch tiếp công dân", question.FlowName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ask_button_offered_when_a_flow_gives_up_still_records_that_flow()
    {
        await _bot.SayAsync("menu");
        await _bot.PressAsync("Đặt lịch tiếp công dân");
        await _bot.SayAsync("tôi muốn ngày khác");
        await _bot.SayAsync("tôi muốn ngày khác");
        (await _bot.SayAsync("tôi muốn ngày khác")).ShouldOfferButton("Hỏi cán bộ");

        await _bot.PressAsync("Hỏi cán bộ");
        await _bot.SayAsync("Xin hỏi xã có tiếp công dân vào thứ Bảy không?");

        Assert.Equal("reception.book", Assert.Single(Questions.Waiting()).FromFlow);

        // Forgotten at the next fresh start: a later question from the menu is from the menu.
        // (Free text at the menu is answered from the procedures guide first; the menu's own "Hỏi cán bộ" asks an officer.)
        await _bot.SayAsync("menu");
        await _bot.PressAsync("Hỏi cán bộ");
        await _bot.SayAsync("Cho tôi hỏi xã có làm việc vào sáng thứ Bảy không?");
        Assert.Equal("main", Questions.Waiting()[1].FromFlow);
    }
}
