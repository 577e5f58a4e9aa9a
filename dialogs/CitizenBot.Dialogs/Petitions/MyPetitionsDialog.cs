using CitizenBot.Core.Commune;
using CitizenBot.Core.Petitions;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>Kiến nghị của tôi: the citizen's petitions with their status, and a button to send a new one.</summary>
public sealed class MyPetitionsDialog : WaterfallDialog
{
    public const string DialogId = "petition.mine";
    public const string NextPromptId = "petition.mine.next";
    private readonly PetitionBook _petitions;
    private readonly CommuneClock _clock;

    public MyPetitionsDialog(PetitionBook petitions, CommuneClock clock) : base(DialogId)
    {
        _petitions = petitions;
        _clock = clock;
        AddStep(nameof(ListAsync), ListAsync);
        AddStep(nameof(ActAsync), ActAsync);
        AddPrompt(new ChoicePrompt(NextPromptId));
    }

    public override string HelpText => PetitionDialogTexts.Help;

    private Task<DialogTurnResult> ListAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var mine = _petitions.Mine(step.Address.Key).Take(10).ToList();
        return step.PromptAsync(NextPromptId, new PromptOptions
        {
            Prompt = mine.Count == 0 ? PetitionDialogTexts.NoPetitions : PetitionDialogTexts.Mine(mine, _clock),
            Choices = [new Choice("new", PetitionDialogTexts.NewLabel, ["gui don moi", "gui kien nghi"])],
        }, ct);
    }

    private Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.ReplaceWithAsync(SubmitPetitionDialog.DialogId, null, ct);
}
