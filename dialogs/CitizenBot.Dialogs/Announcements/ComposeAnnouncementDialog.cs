using CitizenBot.Core.Announcements;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Officers;

namespace CitizenBot.Dialogs.Announcements;

/// <summary>
/// An officer composes an announcement in private: an optional photo or file, the text, the villages
/// (or all), a preview to confirm; then the deliveries are queued and paced by the outbox.
/// </summary>
public sealed class ComposeAnnouncementDialog : WaterfallDialog
{
    public const string DialogId = "announcements.compose";
    public const string FilePromptId = "announcements.file";
    public const string TextPromptId = "announcements.text";
    public const string VillagesPromptId = "announcements.villages";
    public const string ConfirmPromptId = "announcements.confirm";
    private const int MaxWithFile = 1000;
    private const int MaxText = 3500;

    private readonly AnnouncementBook _board;
    private readonly UserRoles _roles;
    private readonly CommuneOptions _commune;

    public ComposeAnnouncementDialog(AnnouncementBook board, UserRoles roles, CommuneOptions commune) : base(DialogId)
    {
        _board = board;
        _roles = roles;
        _commune = commune;
        AddStep(nameof(AskFileAsync), AskFileAsync);
        AddStep(nameof(AskTextAsync), AskTextAsync);
        AddStep(nameof(AskVillagesAsync), AskVillagesAsync);
        AddStep(nameof(PreviewAsync), PreviewAsync);
        AddStep(nameof(PublishAsync), PublishAsync);
        AddPrompt(new AttachmentPrompt(FilePromptId));
        AddPrompt(new TextPrompt(TextPromptId));
        AddPrompt(new ChoicePrompt(VillagesPromptId));
        AddPrompt(new ConfirmPrompt(ConfirmPromptId));
    }

    private Task<DialogTurnResult> AskFileAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync(FilePromptId, new PromptOptions { Prompt = AnnouncementDialogTexts.AskFile, Min = 0 }, ct);

    private Task<DialogTurnResult> AskTextAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = step.State<AnnouncementDraftState>();
        if (step.Result is IReadOnlyList<InputAttachment> { Count: > 0 } files)
        {
            var file = files[0];
            state.FileId = file.FileId;
            state.FileKind = file.Kind;
        }

        var max = state.FileId is not null ? MaxWithFile : MaxText;
        return step.PromptAsync(TextPromptId, new PromptOptions { Prompt = AnnouncementDialogTexts.AskText(max), Min = 10, Max = max }, ct);
    }

    private async Task<DialogTurnResult> AskVillagesAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = step.State<AnnouncementDraftState>();
        if (step.Result is string text && state.Text is null)
        {
            state.Text = text;
        }

        var chosen = Chosen(step);
        List<Choice> choices = [.. _board.Villages.Select(v => new Choice(v, AnnouncementDialogTexts.VillageChoice(v, chosen.Contains(v)), [v]))];
        choices.Add(new Choice("*", AnnouncementDialogTexts.AllLabel, ["tat ca"]));
        choices.Add(new Choice("done", AnnouncementDialogTexts.DoneLabel, ["xong"]));
        return await step.PromptAsync(VillagesPromptId, new PromptOptions { Prompt = AnnouncementDialogTexts.AskVillages, Choices = choices, MaxAttempts = 5 }, ct);
    }

    private async Task<DialogTurnResult> PreviewAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var picked = (string)step.Result!;
        var chosen = Chosen(step);
        if (picked == "done" && chosen.Count == 0)
        {
            step.Send(AnnouncementDialogTexts.PickOne);
            return await step.GoToStepAsync(nameof(AskVillagesAsync), null, ct);
        }

        if (picked != "done" && picked != "*")
        {
            // Toggle the village and ask again, so several can be picked.
            step.State<AnnouncementDraftState>().Villages = [.. chosen.Contains(picked) ? chosen.Where(v => v != picked) : chosen.Append(picked)];
            return await step.GoToStepAsync(nameof(AskVillagesAsync), null, ct);
        }

        if (picked == "*")
        {
            step.State<AnnouncementDraftState>().All = true;
        }

        var villages = Targets(step);
        var recipients = _board.Recipients(villages).Count;
        if (recipients == 0)
        {
            step.Send(AnnouncementDialogTexts.NoRecipients);
            return await step.EndAsync(null, ct);
        }

        var message = AnnouncementTexts.Message(_commune.Name, step.State<AnnouncementDraftState>().Text!);
        if (File(step) is { } file)
        {
            step.Send(new OutgoingMessage(message, [], File: file));
        }

        return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = AnnouncementDialogTexts.Preview(message, villages, recipients) }, ct);
    }

    private async Task<DialogTurnResult> PublishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var input = step.Context.Input;
        if (step.Result is false || !_roles.Has(step.Address.Channel, input.UserId, UserRole.Officer))
        {
            step.Send(step.Result is false ? AnnouncementDialogTexts.NotPublished : OfficerTexts.Refused);
            return step.Context.CancelAll();
        }

        var actor = UserRoles.UserKey(step.Address.Channel, input.UserId!);
        var announcement = _board.Publish(step.State<AnnouncementDraftState>().Text!, File(step), Targets(step), actor, step.Address);
        step.Send(AnnouncementDialogTexts.Published(announcement.Code, announcement.Recipients));
        return step.Context.CancelAll();
    }

    private static List<string> Chosen(WaterfallStepContext step) => [.. step.State<AnnouncementDraftState>().Villages];

    private static List<string> Targets(WaterfallStepContext step) => step.State<AnnouncementDraftState>().All ? [] : Chosen(step);

    private static FileAttachment? File(WaterfallStepContext step) =>
        step.State<AnnouncementDraftState>() is { FileId: { } id } state ? FileAttachment.FromChannel(id, state.FileKind ?? "document") : null;
}
