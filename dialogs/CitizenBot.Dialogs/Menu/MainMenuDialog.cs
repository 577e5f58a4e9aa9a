using CitizenBot.Core.Privacy;
using CitizenBot.Core.Commune;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Menu;

/// <summary>
/// The main menu: greets a new citizen, offers every registered feature as a button, starts the chosen
/// feature's dialog and shows the menu again when it ends.
/// </summary>
public sealed class MainMenuDialog : WaterfallDialog
{
    public const string ChoicePromptId = "main.choice";

    /// <summary>Begin option: the id of a menu entry to start straight away (its button pressed on any message).</summary>
    public const string EntryOption = "entry";

    /// <summary>Begin option: the dialog of a flow that was left half done to start the entry; named in one line.</summary>
    public const string LeftOption = "left";

    private readonly IReadOnlyList<MenuEntry> _entries;
    private readonly IEnumerable<IMenuShortcut> _shortcuts;
    private readonly CommuneOptions _commune;

    private readonly PrivacyOptions _privacy;

    public MainMenuDialog(IEnumerable<MenuEntry> entries, IEnumerable<IMenuShortcut> shortcuts, CommuneOptions commune, PrivacyOptions privacy)
        : base(ConversationBot.MainDialogId)
    {
        _privacy = privacy;
        _entries = [.. entries.OrderBy(e => e.Order)];
        _shortcuts = shortcuts;
        _commune = commune;
        AddStep(nameof(OfferMenuAsync), OfferMenuAsync);
        AddStep(nameof(StartFeatureAsync), StartFeatureAsync);
        AddStep(nameof(ShowMenuAgainAsync), ShowMenuAgainAsync);
    }

    public override string HelpText => MenuTexts.Help(_entries);

    private async Task<DialogTurnResult> OfferMenuAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = step.Context.State;
        var input = step.Values.GetValueOrDefault("input", "");
        var prompt = step.Values.ContainsKey("again") ? MenuTexts.MenuAgain : MenuTexts.Menu;
        var firstContact = !state.Greeted;
        if (firstContact)
        {
            state.Greeted = true;
            step.Send(MenuTexts.Welcome(_commune.Name) + "\n\n" + PrivacyTexts.Notice(_privacy.RetentionMonths));
        }

        if (step.Values.TryGetValue(LeftOption, out var left))
        {
            var flow = _entries.FirstOrDefault(e => e.DialogId == left);
            step.Send(MenuTexts.LeftUnfinished(flow is null ? null : flow.Activity ?? flow.Label));
        }

        if (step.Values.TryGetValue(EntryOption, out var entryId) && _entries.Any(e => e.Id == entryId))
        {
            return await step.NextAsync(entryId, ct);
        }

        if (step.Values.TryGetValue("route", out var routed))
        {
            // A button sent outside any dialog (an invitation): its dialog runs as a shortcut would.
            step.Values["shortcut"] = "1";
            return await step.BeginDialogAsync(routed, new Dictionary<string, string> { ["payload"] = step.Values.GetValueOrDefault("payload", "") }, ct);
        }

        if (input.Length > 0)
        {
            if (ChoicePrompt.Match(Choices, null, input) is { } chosen)
            {
                return await step.NextAsync(chosen, ct);
            }

            if (Shortcut(input) is { } match)
            {
                step.Values["shortcut"] = "1";
                return await step.BeginDialogAsync(match.DialogId, match.Options, ct);
            }

            if (!firstContact)
            {
                prompt = MenuTexts.NotUnderstood + " " + MenuTexts.Menu;
            }
        }

        return await step.PromptAsync(ChoicePromptId, new PromptOptions
        {
            Prompt = prompt,
            Retry = MenuTexts.Retry,
            Choices = Choices,
            HideMenuButton = true,
            MaxAttempts = 3,
        }, ct);
    }

    private async Task<DialogTurnResult> StartFeatureAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Values.Remove("shortcut"))
        {
            // A shortcut's dialog has already run and ended: its result arrives here.
            return await ShowMenuAgainAsync(step, ct);
        }

        var chosen = (string)step.Result!;
        if (chosen.StartsWith(MenuPrompt.ShortcutPrefix, StringComparison.Ordinal) && Shortcut(chosen[1..]) is { } match)
        {
            return await step.BeginDialogAsync(match.DialogId, match.Options, ct);
        }

        var entry = _entries.First(e => e.Id == chosen);
        return await step.BeginDialogAsync(entry.DialogId, null, ct);
    }

    private (string DialogId, IReadOnlyDictionary<string, string> Options)? Shortcut(string text) =>
        _shortcuts.Select(s => s.Match(text)).FirstOrDefault(m => m is not null);

    private Task<DialogTurnResult> ShowMenuAgainAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.ReplaceWithAsync(ConversationBot.MainDialogId, new Dictionary<string, string> { ["again"] = "1" }, ct);

    private List<Choice> Choices => [.. _entries.Select(e => new Choice(e.Id, e.Label, e.Synonyms))];
}
