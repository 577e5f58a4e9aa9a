using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Privacy;

/// <summary>
/// Dữ liệu của tôi: what the commune holds about this chat, section by section; see it in full, download it as
/// a file, erase it, or withdraw consent (erase and be told nothing more will be sent). Erasing asks first.
/// </summary>
public sealed class MyDataDialog : WaterfallDialog
{
    public const string DialogId = "privacy.mine";
    public const string ActionPromptId = "privacy.action";
    public const string ConfirmPromptId = "privacy.confirm";
    private readonly PrivacyOffice _office;

    public MyDataDialog(PrivacyOffice office) : base(DialogId)
    {
        _office = office;
        AddStep(nameof(OfferAsync), OfferAsync);
        AddStep(nameof(ActAsync), ActAsync);
        AddStep(nameof(EraseAsync), EraseAsync);
        AddPrompt(new ChoicePrompt(ActionPromptId));
        AddPrompt(new ConfirmPrompt(ConfirmPromptId));
    }

    public override string HelpText => MyDataTexts.Help;

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var sections = _office.Collect(step.Address);
        return await step.PromptAsync(ActionPromptId, new PromptOptions
        {
            Prompt = MyDataTexts.Overview(sections.Select(s => (s.Section, s.Records.Count)).ToList()),
            Choices =
            [
                new Choice("view", MyDataTexts.ViewLabel, ["xem", "xem chi tiet"]),
                new Choice("export", MyDataTexts.ExportLabel, ["tai ve", "tai", "xuat"]),
                new Choice("erase", MyDataTexts.EraseLabel, ["xoa", "xoa du lieu"]),
                new Choice("withdraw", MyDataTexts.WithdrawLabel, ["rut lai", "rut lai su dong y", "khong dong y"]),
            ],
        }, ct);
    }

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var action = (string)step.Result!;
        switch (action)
        {
            case "view":
                foreach (var text in MyDataTexts.Details(_office.Collect(step.Address)))
                {
                    // All of it is personal data, a denouncer's identity included: sealed in the outbox, dropped once delivered.
                    step.Send(new OutgoingMessage(text).AsConfidential());
                }

                return await step.EndAsync(null, ct);
            case "export":
                step.Send(OutgoingMessage.Document(MyDataTexts.Exported, _office.Export(step.Address)).AsConfidential());
                return await step.EndAsync(null, ct);
            default:
                step.State<MyDataState>().Action = action;
                return await step.PromptAsync(ConfirmPromptId, new PromptOptions
                {
                    Prompt = action == "withdraw" ? MyDataTexts.ConfirmWithdraw : MyDataTexts.ConfirmErase,
                }, ct);
        }
    }

    private async Task<DialogTurnResult> EraseAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not true)
        {
            step.Send(MyDataTexts.NothingErased);
            return await step.EndAsync(null, ct);
        }

        var withdraw = step.State<MyDataState>().Action == "withdraw";
        var result = _office.Erase(step.Address, withdraw);
        if (withdraw)
        {
            // As promised: the next message is met with the notice again, as at a first contact.
            step.Context.State.Greeted = false;
        }

        step.Send(MyDataTexts.Erased(result, withdraw));
        return await step.EndAsync(null, ct);
    }
}
