using CitizenBot.Core.Messaging;
using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Petitions;

/// <summary>
/// Gửi kiến nghị: kind, topic, village, content, optional photos and location, contact details or (for
/// kiến nghị, phản ánh) anonymity, a summary to confirm, then the tracking code.
/// </summary>
public sealed class SubmitPetitionDialog : WaterfallDialog
{
    public const string DialogId = "petition.submit";
    public const string KindPromptId = "petition.kind";
    public const string TopicPromptId = "petition.topic";
    public const string VillagePromptId = "petition.village";
    public const string ContentPromptId = "petition.content";
    public const string PhotosPromptId = "petition.photos";
    public const string LocationPromptId = "petition.location";
    public const string AnonymityPromptId = "petition.anonymity";
    public const string NamePromptId = "petition.name";
    public const string PhonePromptId = "petition.phone";
    public const string ConfirmPromptId = "petition.confirm";
    public const int MinContent = 20;
    public const int MaxContent = 3000;
    private const string Skip = "skip";

    private readonly PetitionBook _petitions;
    private readonly CommuneOptions _commune;
    private readonly CommuneClock _clock;

    public SubmitPetitionDialog(PetitionBook petitions, CommuneOptions commune, CommuneClock clock) : base(DialogId)
    {
        _petitions = petitions;
        _commune = commune;
        _clock = clock;
        AddStep(nameof(AskKindAsync), AskKindAsync);
        AddStep(nameof(AskTopicAsync), AskTopicAsync);
        AddStep(nameof(AskVillageAsync), AskVillageAsync);
        AddStep(nameof(AskContentAsync), AskContentAsync);
        AddStep(nameof(AskPhotosAsync), AskPhotosAsync);
        AddStep(nameof(AskLocationAsync), AskLocationAsync);
        AddStep(nameof(AskAnonymityAsync), AskAnonymityAsync);
        AddStep(nameof(AskNameAsync), AskNameAsync);
        AddStep(nameof(AskPhoneAsync), AskPhoneAsync);
        AddStep(nameof(KeepPhoneAsync), KeepPhoneAsync);
        AddStep(nameof(ConfirmAsync), ConfirmAsync);
        AddStep(nameof(SubmitAsync), SubmitAsync);
        AddPrompt(new ChoicePrompt(KindPromptId));
        AddPrompt(new ChoicePrompt(TopicPromptId));
        AddPrompt(new ChoicePrompt(VillagePromptId));
        AddPrompt(new TextPrompt(ContentPromptId));
        AddPrompt(new AttachmentPrompt(PhotosPromptId));
        AddPrompt(new LocationPrompt(LocationPromptId));
        AddPrompt(new ChoicePrompt(AnonymityPromptId));
        AddPrompt(new TextPrompt(NamePromptId, Reception.BookReceptionDialog.ValidateName));
        AddPrompt(new PhonePrompt(PhonePromptId));
        AddPrompt(new ConfirmPrompt(ConfirmPromptId));
    }

    public override string HelpText => PetitionDialogTexts.Help;

    private Task<DialogTurnResult> AskKindAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync(KindPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskKind,
            Choices =
            [
                new(nameof(PetitionKind.Feedback), PetitionTexts.Kind(PetitionKind.Feedback), ["kien nghi", "phan anh"]),
                new(nameof(PetitionKind.Complaint), PetitionTexts.Kind(PetitionKind.Complaint)),
                new(nameof(PetitionKind.Denunciation), PetitionTexts.Kind(PetitionKind.Denunciation)),
            ],
        }, ct);

    private Task<DialogTurnResult> AskTopicAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<PetitionState>().Kind = Enum.Parse<PetitionKind>((string)step.Result!);
        return step.PromptAsync(TopicPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskTopic,
            Choices = [.. PetitionDialogTexts.Topics.Select((t, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), t))],
        }, ct);
    }

    private async Task<DialogTurnResult> AskVillageAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<PetitionState>().Topic = PetitionDialogTexts.Topics[int.Parse((string)step.Result!, CultureInfo.InvariantCulture)];
        if (_commune.Villages.Count == 0)
        {
            return await step.NextAsync(PetitionDialogTexts.OtherVillage, ct);
        }

        return await step.PromptAsync(VillagePromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskVillage,
            Choices = [.. _commune.Villages.Append(PetitionDialogTexts.OtherVillage).Select(v => new Choice(v, v))],
        }, ct);
    }

    private Task<DialogTurnResult> AskContentAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<PetitionState>().Village = (string)step.Result!;
        return step.PromptAsync(ContentPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskContent(MinContent, MaxContent),
            Min = MinContent,
            Max = MaxContent,
        }, ct);
    }

    private Task<DialogTurnResult> AskPhotosAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<PetitionState>().Content = (string)step.Result!;
        return step.PromptAsync(PhotosPromptId, new PromptOptions { Prompt = PetitionDialogTexts.AskPhotos(ChannelHints.HowToSendPhoto(step.Address)), Min = 0 }, ct);
    }

    private Task<DialogTurnResult> AskLocationAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var photos = (IReadOnlyList<InputAttachment>)step.Result!;
        step.State<PetitionState>().Photos = [.. photos.Take(5).Select(a => a.FileId)];
        return step.PromptAsync(LocationPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskLocation(ChannelHints.HowToSendLocation(step.Address)),
            Retry = PetitionDialogTexts.LocationRetryFor(ChannelHints.HowToSendLocation(step.Address)),
            Choices = [new Choice(Skip, PetitionDialogTexts.SkipLabel, ["bo qua", "khong"])],
        }, ct);
    }

    private async Task<DialogTurnResult> AskAnonymityAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = step.State<PetitionState>();
        if (step.Result is string location && location != Skip && location.Split(',') is [var lat, var lon])
        {
            state.Latitude = double.Parse(lat, CultureInfo.InvariantCulture);
            state.Longitude = double.Parse(lon, CultureInfo.InvariantCulture);
        }

        if (!PetitionOptions.AllowsAnonymity(state.Kind))
        {
            step.Send(PetitionDialogTexts.IdentityRequired);
            return await step.NextAsync("named", ct);
        }

        return await step.PromptAsync(AnonymityPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskAnonymity,
            Choices = [new("named", PetitionDialogTexts.NamedLabel, ["de lai ho ten"]), new("anonymous", PetitionDialogTexts.AnonymousLabel, ["an danh"])],
        }, ct);
    }

    private async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if ((string)step.Result! == "anonymous")
        {
            step.State<PetitionState>().Anonymous = true;
            return await step.GoToStepAsync(nameof(ConfirmAsync), null, ct);
        }

        return await step.PromptAsync(NamePromptId, new PromptOptions { Prompt = PetitionDialogTexts.AskName, Min = 2, Max = 80 }, ct);
    }

    private Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<PetitionState>().Name = (string)step.Result!;
        return step.PromptAsync(PhonePromptId, new PromptOptions { Prompt = PetitionDialogTexts.AskPhone(ChannelHints.HowToGivePhone(step.Address)) }, ct);
    }

    private Task<DialogTurnResult> KeepPhoneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<PetitionState>().Phone = (string)step.Result!;
        return step.NextAsync(null, ct);
    }

    private Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var v = step.State<PetitionState>();
        var text = PetitionDialogTexts.Summary(v.Kind, v.Topic, v.Village, v.Content, v.Photos.Count,
            v.Location is not null, v.Anonymous, v.Name, v.Phone);
        // The summary repeats the name and phone: a denouncer's must never be stored in clear.
        return step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = text, Confidential = v.Kind == PetitionKind.Denunciation }, ct);
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is false)
        {
            step.Send(PetitionDialogTexts.NotSent);
            return await step.EndAsync(null, ct);
        }

        var v = step.State<PetitionState>();
        var petition = _petitions.Submit(new PetitionDraft(
            v.Kind, v.Topic, v.Village, v.Content, [.. v.Photos], v.Location,
            v.Anonymous, v.Name, v.Phone, step.Address.Key),
            received => new OutgoingMessage(PetitionDialogTexts.Submitted(received, _clock)));
        FaultPoints.Hit(FaultPoints.PetitionSubmitted);
        return await step.EndAsync(petition.Code, ct);
    }
}
