using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Menu;

/// <summary>The menu's choice prompt: a button, a typed label, or text a slice claims (a dossier code).</summary>
public sealed class MenuPrompt(IEnumerable<IMenuShortcut> shortcuts) : ChoiceOrTextPrompt(MainMenuDialog.ChoicePromptId, ShortcutPrefix)
{
    /// <summary>Prefix of a result that is typed text claimed by a shortcut rather than a menu entry id.</summary>
    public const string ShortcutPrefix = "@";

    protected override string DefaultRetry => MenuTexts.Retry;

    /// <summary>Main-menu buttons carry "menu:&lt;entry id&gt;", not this prompt's tag: <see cref="MenuEntryInterruption"/> starts them from any message.</summary>
    protected override IEnumerable<Button> ButtonsFor(PromptOptions options, DialogInstance instance) =>
        options.Choices.Select(c => new Button(c.Label, MenuEntry.PayloadPrefix + c.Value));

    protected override bool Accepts(string text) => shortcuts.Any(s => s.Match(text) is not null);
}
