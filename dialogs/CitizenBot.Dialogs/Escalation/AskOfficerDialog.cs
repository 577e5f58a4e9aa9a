using CitizenBot.Core.Escalation;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Escalation;

/// <summary>Hỏi cán bộ: take the question and relay it to the officers' chat.</summary>
public sealed class AskOfficerDialog : WaterfallDialog
{
    public const string QuestionPromptId = "officer.question";
    private readonly OfficerQuestions _questions;

    public AskOfficerDialog(OfficerQuestions questions) : base(Interruptions.OfficerDialogId)
    {
        _questions = questions;
        AddStep(AskAsync);
        AddStep(RelayAsync);
    }

    public override string HelpText => AskOfficerTexts.Help;

    private Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync(QuestionPromptId, new PromptOptions { Prompt = AskOfficerTexts.AskQuestion, Min = 5, Max = 1000 }, ct);

    private async Task<DialogTurnResult> RelayAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var from = step.Values.GetValueOrDefault("from", "");
        var question = _questions.Ask(step.Address, (string)step.Result!, from, AskOfficerTexts.FlowName(from));
        step.Send(AskOfficerTexts.Sent(question.Tag));
        return await step.EndAsync(null, ct);
    }
}
