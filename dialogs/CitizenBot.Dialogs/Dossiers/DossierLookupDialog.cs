using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Escalation;

namespace CitizenBot.Dialogs.Dossiers;

/// <summary>
/// Tra cứu hồ sơ: ask the code, show the dossier (or a polite not-found with a way on), and let the
/// citizen follow it after proving the last four digits of the applicant's phone.
/// </summary>
public sealed class DossierLookupDialog : WaterfallDialog
{
    public const string DialogId = "dossier.lookup";
    public const string CodePromptId = "dossier.code";
    public const string NextPromptId = "dossier.next";
    public const string DigitsPromptId = "dossier.digits";
    private const int MaxFollowTries = 3;

    private readonly DossierBook _dossiers;
    private readonly FollowBook _follows;
    private readonly CommuneClock _clock;
    private readonly LookupAllowance _allowance;
    private readonly CommuneOptions _commune;

    public DossierLookupDialog(DossierBook dossiers, FollowBook follows, CommuneClock clock, LookupAllowance allowance, CommuneOptions commune) : base(DialogId)
    {
        _commune = commune;
        _dossiers = dossiers;
        _follows = follows;
        _clock = clock;
        _allowance = allowance;
        AddStep(nameof(AskCodeAsync), AskCodeAsync);
        AddStep(nameof(ShowDossierAsync), ShowDossierAsync);
        AddStep(nameof(ActOnChoiceAsync), ActOnChoiceAsync);
        AddStep(nameof(CheckDigitsAsync), CheckDigitsAsync);
        AddPrompt(new TextPrompt(CodePromptId, ValidateCode));
        AddPrompt(new DossierNextPrompt(NextPromptId));
        AddPrompt(new TextPrompt(DigitsPromptId, ValidateDigits));
    }

    public override string HelpText => DossierTexts.Help;

    /// <summary>A lookup holds nothing the citizen would lose by leaving.</summary>
    public override bool LeavesWorkUndone => false;

    public static string? ValidateCode(string code, DialogContext dc) => DossierCode.IsWellFormed(code) ? null : DossierTexts.CodeMalformed;

    public static string? ValidateDigits(string digits, DialogContext dc) =>
        digits.Length == 4 && digits.All(char.IsAsciiDigit) ? null : DossierTexts.DigitsMalformed;

    private async Task<DialogTurnResult> AskCodeAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.State<DossierLookupState>().Code is { } code && DossierCode.IsWellFormed(code))
        {
            return await step.NextAsync(code, ct);
        }

        return await step.PromptAsync(CodePromptId, new PromptOptions { Prompt = DossierTexts.AskCode, Retry = DossierTexts.CodeMalformed }, ct);
    }

    private async Task<DialogTurnResult> ShowDossierAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var input = (string)step.Result!;
        // Per sender, not per conversation: a fresh conversation must not bring a fresh allowance.
        if (!_allowance.TryTake(step.Context.Input.SenderKey ?? step.Address.Key))
        {
            step.Send(DossierTexts.TooManyLookups, PromptTexts.OfficerButton, PromptTexts.MenuButton);
            return step.Context.CancelAll();
        }

        var (result, dossier) = _dossiers.Find(input);
        if (dossier is null)
        {
            var text = result == DossierLookup.PartialCode ? DossierTexts.PartialCode(input) : DossierTexts.NotFound(input);
            return await step.PromptAsync(NextPromptId, new PromptOptions
            {
                Prompt = text,
                Choices = [new("retry", DossierTexts.RetryLabel, ["nhap lai", "thu lai"]), new("officer", DossierTexts.OfficerLabel, ["hoi can bo"])],
            }, ct);
        }

        step.State<DossierLookupState>().Code = dossier.Code;
        List<Choice> choices = _follows.IsFollowing(dossier.Code, step.Address)
            ? [new("unfollow", DossierTexts.UnfollowLabel, ["bo theo doi"])]
            : [new("follow", DossierTexts.FollowLabel, ["theo doi"])];
        choices.Add(new("another", DossierTexts.AnotherLabel, ["tra cuu ma khac", "ma khac", "tra cuu ho so khac", "ho so khac"]));
        return await step.PromptAsync(NextPromptId, new PromptOptions { Prompt = DossierTexts.Details(dossier, _clock, _commune), Choices = choices }, ct);
    }

    private async Task<DialogTurnResult> ActOnChoiceAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var code = step.State<DossierLookupState>().Code ?? "";
        var chosen = (string)step.Result!;
        if (chosen.StartsWith(DossierNextPrompt.CodePrefix, StringComparison.Ordinal))
        {
            // Another code typed after a result: looked up at once (and counted against the allowance like any lookup).
            return await step.ReplaceWithAsync(DialogId, new Dictionary<string, string> { ["code"] = chosen[DossierNextPrompt.CodePrefix.Length..] }, ct);
        }

        switch (chosen)
        {
            case "retry":
            case "another":
                return await step.ReplaceWithAsync(DialogId, null, ct);
            case "officer":
                return await step.ReplaceWithAsync(AskOfficerDialog.DialogId, new Dictionary<string, string> { ["from"] = DialogId }, ct);
            case "unfollow":
                _follows.Unfollow(code, step.Address);
                step.Send(DossierTexts.Unfollowed(code));
                return await step.EndAsync(null, ct);
            default:
                var dossier = _dossiers.Get(code);
                if (dossier is null || PersonalData.LastFourDigits(dossier.Phone).Length < 4)
                {
                    step.Send(DossierTexts.NoPhoneOnFile);
                    return await step.EndAsync(null, ct);
                }

                if (_follows.LockedUntil(code) is { } lockedUntil)
                {
                    step.Send(DossierTexts.FollowLocked(_clock.Moment(lockedUntil)), PromptTexts.OfficerButton, PromptTexts.MenuButton);
                    return step.Context.CancelAll();
                }

                return await step.PromptAsync(DigitsPromptId, new PromptOptions { Prompt = DossierTexts.AskDigits, Retry = DossierTexts.DigitsMalformed }, ct);
        }
    }

    private async Task<DialogTurnResult> CheckDigitsAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = step.State<DossierLookupState>();
        var code = state.Code ?? "";
        switch (_follows.TryFollow(code, step.Address, (string)step.Result!))
        {
            case FollowResult.Followed:
                step.Send(DossierTexts.Followed(code));
                return await step.EndAsync(null, ct);
            case FollowResult.AlreadyFollowing:
                step.Send(DossierTexts.AlreadyFollowing(code));
                return await step.EndAsync(null, ct);
            case FollowResult.WrongDigits:
                var tries = ++state.FollowTries;
                if (tries < MaxFollowTries)
                {
                    step.Send(DossierTexts.WrongDigits(MaxFollowTries - tries));
                    return await step.GoToStepAsync(nameof(ActOnChoiceAsync), "follow", ct);
                }

                step.Send(DossierTexts.DigitsNotMatched, PromptTexts.OfficerButton, PromptTexts.MenuButton);
                return step.Context.CancelAll();
            default:
                var until = _follows.LockedUntil(code) ?? _clock.UtcNow;
                step.Send(DossierTexts.FollowLocked(_clock.Moment(until)), PromptTexts.OfficerButton, PromptTexts.MenuButton);
                return step.Context.CancelAll();
        }
    }
}
