using CitizenBot.Core.Commune;
using CitizenBot.Core.Guide;
using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Escalation;

namespace CitizenBot.Dialogs.Guide;

/// <summary>
/// Hướng dẫn thủ tục: answers free text from the confirmed procedures guide, opens the menu item a typo names,
/// greets and thanks, and only when nothing fits (or the citizen asks for an officer) offers to send the question
/// to the officers: it is sent, and counted against the day's limit, only once the citizen presses "Gửi câu hỏi".
/// Started with the option "text" (free text at the menu), "payload" (a procedure's button on any older message),
/// or nothing (the menu button: the list of procedures).
/// </summary>
public sealed class GuideDialog : WaterfallDialog
{
    public const string DialogId = "guide";
    public const string PickPromptId = "guide.pick";

    /// <summary>Buttons sent with an answer ("see also") start this dialog from any message, however old.</summary>
    public const string PayloadPrefix = "guide:";

    private const string Ask = "ask";
    private const string No = "no";
    private const int ListedAtMost = 8;

    /// <summary>At most this many words asking for an officer hold no question of their own.</summary>
    private const int ShortRequestWords = 5;
    private readonly GuideAnswers _answers;
    private readonly RateLimitOptions _limits;
    private readonly CommuneOptions _commune;

    public GuideDialog(GuideAnswers answers, RateLimitOptions limits, CommuneOptions commune)
        : base(DialogId)
    {
        _answers = answers;
        _limits = limits;
        _commune = commune;
        AddStep(nameof(StartAsync), StartAsync);
        AddStep(nameof(PickedAsync), PickedAsync);
        AddStep(nameof(DoneAsync), DoneAsync);
        AddPrompt(new GuidePickPrompt(PickPromptId));
    }

    /// <summary>An answer or a list of procedures holds nothing the citizen would lose by leaving.</summary>
    public override bool LeavesWorkUndone => false;

    public override string HelpText => "ℹ️ " + GuideTexts.AskWhichEmpty + " Tôi trả lời từ hướng dẫn thủ tục đã được cán bộ xã xác nhận; gõ \"menu\" để quay lại.";

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Values.TryGetValue("payload", out var payload) && payload.StartsWith(PayloadPrefix, StringComparison.Ordinal))
        {
            return await ChosenAsync(step, payload[PayloadPrefix.Length..], ct);
        }

        if (!step.Values.TryGetValue("text", out var text) || text.Trim().Length == 0)
        {
            var entries = _answers.Entries.Take(ListedAtMost).ToList();
            return await step.PromptAsync(PickPromptId, new PromptOptions
            {
                Prompt = entries.Count > 0 ? GuideTexts.AskWhich : GuideTexts.AskWhichEmpty,
                Choices = [.. entries.Select(e => new Choice(GuideAnswers.ProcedurePrefix + GuideAnswers.RefOf(e), "📋 " + e.Name))],
            }, ct);
        }

        var outcome = _answers.Classify(text);
        switch (outcome.Kind)
        {
            case GuideOutcomeKind.Greeting:
                // The first message of a conversation already got the welcome.
                if (step.Context.Replies.Count == 0)
                {
                    step.Send(GuideTexts.Greeting);
                }

                return await step.EndAsync(null, ct);
            case GuideOutcomeKind.Thanks:
                step.Send(GuideTexts.Thanks);
                return await step.EndAsync(null, ct);
            case GuideOutcomeKind.Answer:
            case GuideOutcomeKind.OpenMenu:
                return await ChosenAsync(step, outcome.Matches[0].Id, ct, [.. outcome.Matches.Skip(1).Take(2)]);
            case GuideOutcomeKind.Choose:
                return await step.PromptAsync(PickPromptId, new PromptOptions
                {
                    Prompt = GuideTexts.DidYouMean,
                    Retry = GuideTexts.PickRetry,
                    Choices = [.. outcome.Top.Select(m => new Choice(m.Id, Label(m))), new Choice(Ask, GuideTexts.AskLabel)],
                }, ct);
            case GuideOutcomeKind.Officer when AsksOnlyForAnOfficer(outcome, text):
                // "cho tôi gặp cán bộ" holds no question to send: ask for it (it counts once typed); the menu follows it.
                return await step.ReplaceWithAsync(AskOfficerDialog.DialogId, new Dictionary<string, string> { ["from"] = "main" }, ct);
            case GuideOutcomeKind.Officer:
                return await OfferOfficerAsync(step, text, ct);
            default:
                step.Send(GuideTexts.NotUnderstood);
                return await step.EndAsync(null, ct);
        }
    }

    private static bool AsksOnlyForAnOfficer(GuideOutcome outcome, string text) =>
        outcome.Matches.Count > 0 && outcome.Matches[0].Id == GuideAnswers.OfficerId
        && TextMatching.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortRequestWords;

    private Task<DialogTurnResult> OfferOfficerAsync(WaterfallStepContext step, string text, CancellationToken ct)
    {
        step.Values["question"] = text.Trim();
        return step.PromptAsync(PickPromptId, new PromptOptions
        {
            Prompt = GuideTexts.OfferOfficer(_limits.QuestionsPerDay),
            Retry = GuideTexts.PickRetry,
            Choices = [new Choice(Ask, GuideTexts.AskLabel, ["gui", "gui cau hoi", "co", "dong y", "ok", "vang"]), new Choice(No, GuideTexts.NoLabel, ["khong", "ko", "thoi"])],
        }, ct);
    }

    private async Task<DialogTurnResult> PickedAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string picked)
        {
            return await step.EndAsync(null, ct);
        }

        if (picked.StartsWith(GuidePickPrompt.TextPrefix, StringComparison.Ordinal))
        {
            // Typed instead of pressing: a new question.
            return await step.ReplaceWithAsync(DialogId, new Dictionary<string, string> { ["text"] = picked[GuidePickPrompt.TextPrefix.Length..] }, ct);
        }

        switch (picked)
        {
            case Ask:
                var question = step.Values.GetValueOrDefault("question") ?? step.Values.GetValueOrDefault("text") ?? "";
                return await step.BeginDialogAsync(AskOfficerDialog.DialogId, question.Length > 0
                    ? new Dictionary<string, string> { ["question"] = question, ["from"] = "main" }
                    : new Dictionary<string, string> { ["from"] = "main" }, ct);
            case No:
                step.Send(GuideTexts.Declined);
                return await step.EndAsync(null, ct);
            default:
                return await ChosenAsync(step, picked, ct);
        }
    }

    private async Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken ct) => await step.EndAsync(null, ct);

    /// <summary>Shows a procedure ("p:…") or starts a menu item ("m:…").</summary>
    private async Task<DialogTurnResult> ChosenAsync(WaterfallStepContext step, string id, CancellationToken ct, IReadOnlyList<GuideMatch>? alsoMatched = null)
    {
        if (id.StartsWith(GuideAnswers.MenuPrefix, StringComparison.Ordinal))
        {
            var menuId = id[GuideAnswers.MenuPrefix.Length..];
            if (_answers.Menu.FirstOrDefault(m => m.Id == menuId) is { } item)
            {
                // Runs as if chosen from the menu: the menu shows again when it ends.
                return await step.ReplaceWithAsync(item.DialogId, null, ct);
            }
        }
        else if (id.StartsWith(GuideAnswers.ProcedurePrefix, StringComparison.Ordinal) && _answers.Find(id[GuideAnswers.ProcedurePrefix.Length..]) is { } entry)
        {
            var buttons = (alsoMatched ?? [])
                .Select(m => new Button(Label(m), PayloadPrefix + m.Id))
                .Append(PromptTexts.OfficerButton)
                .ToArray();
            step.Send(GuideTexts.Entry(entry, _commune.TimeZone), buttons);
            return await step.EndAsync(null, ct);
        }

        step.Send(GuideTexts.Withdrawn, PromptTexts.OfficerButton);
        return await step.EndAsync(null, ct);
    }

    private static string Label(GuideMatch match) =>
        match.Id.StartsWith(GuideAnswers.ProcedurePrefix, StringComparison.Ordinal) ? "📋 " + match.Title : match.Title;
}
