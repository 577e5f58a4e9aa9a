using System.Globalization;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Ratings;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Ratings;

/// <summary>
/// Đánh giá: field, level, an optional comment, then the thank-you letter (written at once, so the letter
/// sweep never writes it again). Started from the menu, or from an
/// invitation's button ("rate:{invitation}:{level}"), which fixes the subject and level and works once.
/// </summary>
public sealed class RateServiceDialog : WaterfallDialog
{
    public const string DialogId = "rating.give";
    public const string FieldPromptId = "rating.field";
    public const string LevelPromptId = "rating.level";
    public const string CommentPromptId = "rating.comment";
    private const string Skip = "skip";

    private readonly RatingBook _book;
    private readonly LetterBook _letters;
    private readonly RatingLetterSource _thanks;

    public RateServiceDialog(RatingBook book, LetterBook letters, RatingLetterSource thanks) : base(DialogId)
    {
        _book = book;
        _letters = letters;
        _thanks = thanks;
        AddStep(nameof(AskFieldAsync), AskFieldAsync);
        AddStep(nameof(AskLevelAsync), AskLevelAsync);
        AddStep(nameof(AskCommentAsync), AskCommentAsync);
        AddStep(nameof(SaveAsync), SaveAsync);
        AddPrompt(new ChoicePrompt(FieldPromptId));
        AddPrompt(new ChoicePrompt(LevelPromptId));
        AddPrompt(new TextPrompt(CommentPromptId));
    }

    public override string HelpText => RateServiceTexts.Help;

    private async Task<DialogTurnResult> AskFieldAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var payload = step.State<RatingState>().Payload ?? "";
        if (payload.StartsWith(RatingInvitationSweep.PayloadPrefix, StringComparison.Ordinal))
        {
            return await StartFromInvitationAsync(step, payload, ct);
        }

        return await step.PromptAsync(FieldPromptId, new PromptOptions
        {
            Prompt = RateServiceTexts.AskField,
            Choices = [.. Enum.GetValues<ServiceField>().Select(f => new Choice(f.ToString(), RatingNames.Field(f)))],
        }, ct);
    }

    private async Task<DialogTurnResult> StartFromInvitationAsync(WaterfallStepContext step, string payload, CancellationToken ct)
    {
        var parts = payload[RatingInvitationSweep.PayloadPrefix.Length..].Split(':');
        var invitation = parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? _book.Invitation(id, step.Address.Key)
            : null;
        if (invitation is null || !Enum.TryParse<RatingLevel>(parts[1], out var level) || !Enum.IsDefined(level))
        {
            step.Send(RateServiceTexts.InvitationGone);
            return await step.EndAsync(null, ct);
        }

        if (invitation.UsedAt is not null || _book.IsRated(invitation.SubjectKey))
        {
            step.Send(RateServiceTexts.AlreadyRated(invitation.SubjectTitle));
            return await step.EndAsync(null, ct);
        }

        var state = step.State<RatingState>();
        state.Invitation = invitation.Id;
        state.Subject = invitation.SubjectKey;
        state.Title = invitation.SubjectTitle;
        state.Field = invitation.Field;
        return await step.GoToStepAsync(nameof(AskCommentAsync), level.ToString(), ct);
    }

    private Task<DialogTurnResult> AskLevelAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.State<RatingState>().Field = Enum.Parse<ServiceField>((string)step.Result!);
        return step.PromptAsync(LevelPromptId, new PromptOptions
        {
            Prompt = RateServiceTexts.AskLevel,
            Choices = [.. Enum.GetValues<RatingLevel>().Select(l => new Choice(l.ToString(), $"{RatingNames.Emoji(l)} {RatingNames.Level(l)}", [RatingNames.Level(l)]))],
        }, ct);
    }

    private Task<DialogTurnResult> AskCommentAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var level = Enum.Parse<RatingLevel>((string)step.Result!);
        step.State<RatingState>().Level = level;
        var unsatisfied = level == RatingLevel.Unsatisfied;
        return step.PromptAsync(CommentPromptId, new PromptOptions
        {
            Prompt = unsatisfied ? RateServiceTexts.AskWhatWentWrong : RateServiceTexts.AskComment,
            Choices = [new Choice(Skip, RateServiceTexts.SkipLabel, ["bo qua", "khong", "khong co"])],
            Max = 1000,
        }, ct);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var comment = (string)step.Result!;
        var state = step.State<RatingState>();
        var rating = new Rating
        {
            AddressKey = step.Address.Key,
            Field = state.Field!.Value,
            Level = state.Level!.Value,
            Comment = comment == Skip ? null : comment,
            SubjectKey = state.Subject ?? RatingBook.FreeSubject(),
        };
        var invitation = state.Invitation;
        var title = state.Title ?? RatingNames.Field(rating.Field);
        var outcome = _book.Save(rating, invitation, r => RatingTexts.OfficerAlert(r, title));
        if (outcome == RatingOutcome.Saved)
        {
            _letters.Deliver(_thanks.For(rating, title));
        }

        // A saved rating is answered by its thank-you letter; "Không hài lòng" also gets an apology.
        var reply = outcome switch
        {
            RatingOutcome.AlreadyRated => RateServiceTexts.AlreadyRated(title),
            RatingOutcome.InvitationNotFound => RateServiceTexts.InvitationGone,
            _ when rating.Level == RatingLevel.Unsatisfied => RateServiceTexts.SorryUnsatisfied,
            _ => null,
        };
        if (reply is not null)
        {
            step.Send(reply);
        }

        return await step.EndAsync(null, ct);
    }
}
