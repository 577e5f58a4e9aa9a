using CitizenBot.Core.Commune;
using CitizenBot.Core.Escalation;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;

namespace CitizenBot.Dialogs.Escalation;

/// <summary>
/// Hỏi cán bộ: take the question and relay it to the officers' chat. Started with the option "question"
/// (free text the bot could not match to a flow), it relays that text straight away.
/// </summary>
public sealed class AskOfficerDialog : WaterfallDialog
{
    public const string DialogId = "officer.ask";
    public const string QuestionPromptId = "officer.question";
    private readonly QuestionBook _questions;
    private readonly IReadOnlyList<MenuEntry> _menu;
    private readonly RateLimitOptions _limits;
    private readonly CommuneOptions _commune;
    private readonly TimeProvider _time;

    public AskOfficerDialog(QuestionBook questions, IEnumerable<MenuEntry> menu, RateLimitOptions limits, CommuneOptions commune, TimeProvider time)
        : base(DialogId)
    {
        _questions = questions;
        _menu = [.. menu];
        _limits = limits;
        _commune = commune;
        _time = time;
        AddStep(nameof(AskAsync), AskAsync);
        AddStep(nameof(RelayAsync), RelayAsync);
        AddPrompt(new TextPrompt(QuestionPromptId));
    }

    public override string HelpText => AskOfficerTexts.Help;

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (Refused(step))
        {
            return await step.EndAsync(null, ct);
        }

        if (step.Values.TryGetValue("question", out var question))
        {
            step.Values["unmatched"] = "1";
            return await step.NextAsync(question, ct);
        }

        return await step.PromptAsync(QuestionPromptId, new PromptOptions { Prompt = AskOfficerTexts.AskQuestion, Min = 5, Max = 1000 }, ct);
    }

    private async Task<DialogTurnResult> RelayAsync(WaterfallStepContext step, CancellationToken ct)
    {
        // Chosen from the main menu itself (no flow below it): asked from the menu.
        var from = step.Values.GetValueOrDefault("from", "") is { Length: > 0 } flow ? flow : ConversationBot.MainDialogId;
        var flowName = _menu.FirstOrDefault(e => e.DialogId == from)?.Label ?? AskOfficerTexts.FlowName(from);
        var text = (string)step.Result!;

        // Checked again as the question is recorded: many conversations may sit at the prompt and answer it at once.
        var (question, refusal) = _questions.Ask(step.Address, text.Length > 1000 ? text[..1000] : text, from, flowName, step.Context.Input.SenderKey, Quota);
        if (question is null)
        {
            Refuse(step, refusal);
            return await step.EndAsync(null, ct);
        }

        step.Send(step.Values.ContainsKey("unmatched") ? AskOfficerTexts.Forwarded(question.Tag) : AskOfficerTexts.Sent(question.Tag));
        return await step.EndAsync(null, ct);
    }

    private QuestionQuota Quota => new(_limits.QuestionsPerDay, _limits.QuestionsPerSenderPerDay);

    /// <summary>One conversation, and one sender over all their conversations, cannot flood the officers: a few questions a day each.</summary>
    private bool Refused(WaterfallStepContext step)
    {
        var refusal = _questions.QuotaUsed(step.Address, step.Context.Input.SenderKey, Quota);
        Refuse(step, refusal);
        return refusal != QuotaRefusal.None;
    }

    /// <summary>Says which limit was reached, with the way back (the menu, the commune's phone when configured).</summary>
    private void Refuse(WaterfallStepContext step, QuotaRefusal refusal)
    {
        var webAddress = step.Context.Input.SenderKey?.StartsWith("web-ip:", StringComparison.Ordinal) == true;
        switch (refusal)
        {
            case QuotaRefusal.Conversation:
                step.Send(AskOfficerTexts.TooMany(_limits.QuestionsPerDay, _commune.Phone), PromptTexts.MenuButton);
                break;
            case QuotaRefusal.Sender:
                step.Send(AskOfficerTexts.TooManyFromSender(_limits.QuestionsPerSenderPerDay, webAddress, _commune.Phone), PromptTexts.MenuButton);
                break;
        }
    }
}
