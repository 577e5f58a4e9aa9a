using CitizenBot.Core.Commune;
using CitizenBot.Core.Petitions;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>
/// Kiến nghị của tôi: the citizen's petitions with their status, a button to send a new one, and for each answered
/// petition still within <see cref="PetitionOptions.ReopenDays"/> "Chưa hài lòng, đề nghị xem xét lại" with a reason.
/// </summary>
public sealed class MyPetitionsDialog : WaterfallDialog
{
    public const string DialogId = "petition.mine";
    public const string NextPromptId = "petition.mine.next";
    public const string ReasonPromptId = "petition.mine.reopen-reason";
    public const int MinReason = 10;
    public const int MaxReason = 1000;
    private const string ReopenPrefix = "reopen:";
    private readonly PetitionBook _petitions;
    private readonly CommuneClock _clock;

    public MyPetitionsDialog(PetitionBook petitions, CommuneClock clock) : base(DialogId)
    {
        _petitions = petitions;
        _clock = clock;
        AddStep(nameof(ListAsync), ListAsync);
        AddStep(nameof(ActAsync), ActAsync);
        AddStep(nameof(ReopenAsync), ReopenAsync);
        AddPrompt(new ChoicePrompt(NextPromptId));
        AddPrompt(new TextPrompt(ReasonPromptId));
    }

    public override string HelpText => PetitionDialogTexts.Help;

    private Task<DialogTurnResult> ListAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var mine = _petitions.Mine(step.Address.Key).Take(10).ToList();
        var reopenable = mine.Where(_petitions.CanCitizenReopen).Take(3)
            .Select(p => new Choice(ReopenPrefix + p.Code, PetitionDialogTexts.ReopenLabel(p.Code)));
        return step.PromptAsync(NextPromptId, new PromptOptions
        {
            Prompt = mine.Count == 0 ? PetitionDialogTexts.NoPetitions : PetitionDialogTexts.Mine(mine, _clock, _petitions.ReopenUntil),
            Choices = [.. reopenable, new Choice("new", PetitionDialogTexts.NewLabel, ["gui don moi", "gui kien nghi"])],
        }, ct);
    }

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string choice || !choice.StartsWith(ReopenPrefix, StringComparison.Ordinal))
        {
            return await step.ReplaceWithAsync(SubmitPetitionDialog.DialogId, null, ct);
        }

        // The button may be pressed days after the list was shown: the window is checked again now.
        var code = choice[ReopenPrefix.Length..];
        var petition = _petitions.Mine(step.Address.Key).FirstOrDefault(p => p.Code == code);
        if (petition is null || _petitions.ReopenUntil(petition) is not { } until)
        {
            step.Send(PetitionDialogTexts.ReopenNotAnswered(code));
            return await step.EndAsync(null, ct);
        }

        if (!_petitions.CanCitizenReopen(petition))
        {
            step.Send(PetitionDialogTexts.ReopenTooLate(code, _petitions.Options.ReopenDays, until));
            return await step.EndAsync(null, ct);
        }

        step.State<ReopenState>().Code = code;
        return await step.PromptAsync(ReasonPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskReopenReason(code, MinReason, MaxReason),
            Min = MinReason,
            Max = MaxReason,
            // A denouncer's reason may name people: kept sealed like the rest of their conversation.
            Confidential = petition.Kind == PetitionKind.Denunciation,
        }, ct);
    }

    private async Task<DialogTurnResult> ReopenAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var code = step.State<ReopenState>().Code;
        var (outcome, petition) = _petitions.RequestReopen(code, step.Address.Key, (string)step.Result!);
        switch (outcome)
        {
            case ReopenRequest.Reopened:
                // The acknowledgement with the new deadline goes through the outbox with the change, like every step of a petition.
                break;
            case ReopenRequest.TooLate:
                step.Send(PetitionDialogTexts.ReopenTooLate(code, _petitions.Options.ReopenDays, _petitions.ReopenUntil(petition!)!.Value));
                break;
            default:
                step.Send(PetitionDialogTexts.ReopenNotAnswered(code));
                break;
        }

        return await step.EndAsync(outcome == ReopenRequest.Reopened ? code : null, ct);
    }
}

/// <summary>Which petition the citizen asked to reopen, kept while they write the reason.</summary>
public sealed class ReopenState
{
    public string Code { get; set; } = "";
}
