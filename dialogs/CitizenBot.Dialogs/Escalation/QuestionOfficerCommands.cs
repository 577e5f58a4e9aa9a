using CitizenBot.Core.Escalation;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Escalation;

/// <summary>Answers questions for the officers' commands: /traloi, a reply to a relay, and /cauhoi.</summary>
internal static class QuestionAnswers
{
    public static string AnsweredAs(UserRole role) => role >= UserRole.Leader ? EscalationTexts.LeaderTitle : EscalationTexts.OfficerTitle;

    public static void Answer(QuestionBook questions, OfficerCommandContext command, string tag, string text)
    {
        var (outcome, question) = questions.Answer(tag, text, AnsweredAs(command.Role), command.Actor);
        command.Send(outcome switch
        {
            AnswerOutcome.Answered => AskOfficerTexts.Answered(question!.Tag),
            AnswerOutcome.AlreadyAnswered => AskOfficerTexts.AlreadyAnswered(question!.Tag),
            AnswerOutcome.Dismissed => AskOfficerTexts.WasDismissed(question!.Tag),
            _ => AskOfficerTexts.NotFound(tag),
        });
    }
}

/// <summary>/traloi Q-4F2A nội dung: answers a question by its tag, from any chat with the bot.</summary>
public sealed class AnswerQuestionCommand(QuestionBook questions) : IOfficerCommand
{
    public string Name => "traloi";

    public UserRole Role => UserRole.Officer;

    public string Usage => "/traloi <mã câu hỏi> <nội dung> – trả lời câu hỏi của công dân (hoặc trả lời (reply) tin nhắn chuyển câu hỏi)";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        var parts = command.Arguments.Split([' ', '\n'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts[1].Length < 2)
        {
            command.Send(AskOfficerTexts.AnswerUsage);
            return Task.CompletedTask;
        }

        QuestionAnswers.Answer(questions, command, parts[0], parts[1]);
        return Task.CompletedTask;
    }
}

/// <summary>/cauhoi: the questions still waiting, oldest first.</summary>
public sealed class OpenQuestionsCommand(QuestionBook questions) : IOfficerCommand
{
    public string Name => "cauhoi";

    public UserRole Role => UserRole.Officer;

    public bool ShowsPersonalData => true;

    public string Usage => "/cauhoi – các câu hỏi của công dân đang chờ trả lời";

    private const int ListedAtMost = 15;

    private static string Shortened(string text) => text.Length <= 200 ? text : text[..200] + "…";

    public Task HandleAsync(OfficerCommandContext command, CancellationToken ct)
    {
        // Bounded so a flood of questions still fits in one Telegram message (4,096 characters).
        var open = questions.Open();
        command.Send(open.Count == 0
            ? AskOfficerTexts.NoneOpen
            : AskOfficerTexts.OpenTitle + "\n\n" + string.Join("\n\n", open.Take(ListedAtMost).Select(q => $"{q.Tag}: {Shortened(q.Text)}"))
                + (open.Count > ListedAtMost ? "\n\n" + AskOfficerTexts.MoreOpen(open.Count - ListedAtMost) : ""));
        return Task.CompletedTask;
    }
}

/// <summary>An officer replies (Telegram "reply") to a relayed question: the reply is the answer.</summary>
public sealed class QuestionReplyHandler(QuestionBook questions) : IOfficerReplyHandler
{
    public Task<bool> TryHandleAsync(OfficerCommandContext command, string repliedMessageId, string text, CancellationToken ct)
    {
        if (questions.ByRelayMessage(command.Address, repliedMessageId) is not { } question)
        {
            return Task.FromResult(false);
        }

        QuestionAnswers.Answer(questions, command, question.Tag, text);
        return Task.FromResult(true);
    }
}
