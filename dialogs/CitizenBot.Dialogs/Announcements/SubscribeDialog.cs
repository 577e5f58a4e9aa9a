using CitizenBot.Core.Announcements;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Announcements;

/// <summary>Nhận thông báo của thôn: a citizen chooses villages to hear from, in private; pressing one again stops it.</summary>
public sealed class SubscribeDialog : WaterfallDialog
{
    public const string DialogId = "announcements.subscribe";
    public const string VillagePromptId = "announcements.village";
    private readonly AnnouncementBook _board;

    public SubscribeDialog(AnnouncementBook board) : base(DialogId)
    {
        _board = board;
        AddStep(nameof(ChooseAsync), ChooseAsync);
        AddStep(nameof(ToggleAsync), ToggleAsync);
        AddPrompt(new ChoicePrompt(VillagePromptId));
    }

    public override string HelpText => AnnouncementDialogTexts.Help;

    private async Task<DialogTurnResult> ChooseAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (_board.Villages.Count == 0)
        {
            step.Send(AnnouncementDialogTexts.NoVillages);
            return await step.EndAsync(null, ct);
        }

        var mine = _board.SubscriptionsOf(step.Address);
        return await step.PromptAsync(VillagePromptId, new PromptOptions
        {
            Prompt = AnnouncementDialogTexts.Subscriptions(mine),
            Choices = [.. _board.Villages.Select(v => new Choice(v, AnnouncementDialogTexts.VillageLabel(v, mine.Contains(v)), [v]))],
        }, ct);
    }

    private async Task<DialogTurnResult> ToggleAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var village = (string)step.Result!;
        if (_board.SubscriptionsOf(step.Address).Contains(village))
        {
            _board.Unsubscribe(step.Address, village);
            step.Send(AnnouncementDialogTexts.Unsubscribed(village));
        }
        else
        {
            _board.Subscribe(step.Address, village);
            step.Send(AnnouncementDialogTexts.Subscribed(village));
        }

        return await step.EndAsync(null, ct);
    }
}
