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
    private const int ConfirmStep = 10;

    private readonly PetitionBook _petitions;
    private readonly CommuneOptions _commune;
    private readonly CommuneClock _clock;

    public SubmitPetitionDialog(PetitionBook petitions, CommuneOptions commune, CommuneClock clock) : base(DialogId)
    {
        _petitions = petitions;
        _commune = commune;
        _clock = clock;
        AddStep(AskKindAsync);
        AddStep(AskTopicAsync);
        AddStep(AskVillageAsync);
        AddStep(AskContentAsync);
        AddStep(AskPhotosAsync);
        AddStep(AskLocationAsync);
        AddStep(AskAnonymityAsync);
        AddStep(AskNameAsync);
        AddStep(AskPhoneAsync);
        AddStep(KeepPhoneAsync);
        AddStep(ConfirmAsync);
        AddStep(SubmitAsync);
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
        step.Values["kind"] = (string)step.Result!;
        return step.PromptAsync(TopicPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskTopic,
            Choices = [.. PetitionDialogTexts.Topics.Select((t, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), t))],
        }, ct);
    }

    private async Task<DialogTurnResult> AskVillageAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["topic"] = PetitionDialogTexts.Topics[int.Parse((string)step.Result!, CultureInfo.InvariantCulture)];
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
        step.Values["village"] = (string)step.Result!;
        return step.PromptAsync(ContentPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskContent(MinContent, MaxContent),
            Min = MinContent,
            Max = MaxContent,
        }, ct);
    }

    private Task<DialogTurnResult> AskPhotosAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["content"] = (string)step.Result!;
        return step.PromptAsync(PhotosPromptId, new PromptOptions { Prompt = PetitionDialogTexts.AskPhotos, Min = 0 }, ct);
    }

    private Task<DialogTurnResult> AskLocationAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var photos = (IReadOnlyList<InputAttachment>)step.Result!;
        step.Values["photos"] = string.Join(' ', photos.Take(5).Select(a => a.FileId));
        return step.PromptAsync(LocationPromptId, new PromptOptions
        {
            Prompt = PetitionDialogTexts.AskLocation,
            Retry = PetitionDialogTexts.LocationRetry,
            Choices = [new Choice(Skip, PetitionDialogTexts.SkipLabel, ["bo qua", "khong"])],
        }, ct);
    }

    private async Task<DialogTurnResult> AskAnonymityAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is string location && location != Skip)
        {
            step.Values["location"] = location;
        }

        var kind = Enum.Parse<PetitionKind>(step.Values["kind"]);
        if (!PetitionOptions.AllowsAnonymity(kind))
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
            step.Values["anonymous"] = "1";
            return await step.GoToStepAsync(ConfirmStep, null, ct);
        }

        return await step.PromptAsync(NamePromptId, new PromptOptions { Prompt = PetitionDialogTexts.AskName, Min = 2, Max = 80 }, ct);
    }

    private Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["name"] = (string)step.Result!;
        return step.PromptAsync(PhonePromptId, new PromptOptions { Prompt = PetitionDialogTexts.AskPhone }, ct);
    }

    private Task<DialogTurnResult> KeepPhoneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["phone"] = (string)step.Result!;
        return step.NextAsync(null, ct);
    }

    private Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var v = step.Values;
        var photos = v.GetValueOrDefault("photos", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var text = PetitionDialogTexts.Summary(Enum.Parse<PetitionKind>(v["kind"]), v["topic"], v["village"], v["content"], photos,
            v.ContainsKey("location"), v.ContainsKey("anonymous"), v.GetValueOrDefault("name"), v.GetValueOrDefault("phone"));
        // The summary repeats the name and phone: a denouncer's must never be stored in clear.
        var kind = Enum.Parse<PetitionKind>(v["kind"]);
        return step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = text, Confidential = kind == PetitionKind.Denunciation }, ct);
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is false)
        {
            step.Send(PetitionDialogTexts.NotSent);
            return await step.EndAsync(null, ct);
        }

        var v = step.Values;
        (double, double)? location = null;
        if (v.TryGetValue("location", out var text) && text.Split(',') is [var lat, var lon])
        {
            location = (double.Parse(lat, CultureInfo.InvariantCulture), double.Parse(lon, CultureInfo.InvariantCulture));
        }

        var petition = _petitions.Submit(new PetitionDraft(
            Enum.Parse<PetitionKind>(v["kind"]), v["topic"], v["village"], v["content"],
            [.. v.GetValueOrDefault("photos", "").Split(' ', StringSplitOptions.RemoveEmptyEntries)], location,
            v.ContainsKey("anonymous"), v.GetValueOrDefault("name"), v.GetValueOrDefault("phone"), step.Address.Key),
            received => new OutgoingMessage(PetitionDialogTexts.Submitted(received, _clock)));
        FaultPoints.Hit(FaultPoints.PetitionSubmitted);
        return await step.EndAsync(petition.Code, ct);
    }
}
