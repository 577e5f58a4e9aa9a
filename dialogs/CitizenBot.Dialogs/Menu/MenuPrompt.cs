using CitizenBot.Core.Messaging;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Menu;

/// <summary>The menu's choice prompt: a button, a typed label, or text a slice claims (a dossier code).</summary>
public sealed class MenuPrompt(IEnumerable<IMenuShortcut> shortcuts) : Prompt<string>(MainMenuDialog.ChoicePromptId, null)
{
    /// <summary>Prefix of a result that is typed text claimed by a shortcut rather than a menu entry id.</summary>
    public const string ShortcutPrefix = "@";

    protected override string DefaultRetry => MenuTexts.Retry;

    /// <summary>Main-menu buttons carry "menu:&lt;entry id&gt;", not this prompt's tag: <see cref="MenuEntryInterruption"/> starts them from any message.</summary>
    protected override IEnumerable<Button> ButtonsFor(PromptOptions options, DialogInstance instance) =>
        options.Choices.Select(c => new Button(c.Label, MenuEntry.PayloadPrefix + c.Value));

    protected override Recognition<string> Recognize(DialogContext dc, PromptOptions options, string? buttonValue)
    {
        if (ChoicePrompt.Match(options.Choices, buttonValue, dc.Input.Text) is { } chosen)
        {
            return Recognition<string>.Of(chosen);
        }

        var text = dc.Input.Text;
        return buttonValue is null && text is not null && shortcuts.Any(s => s.Match(text) is not null)
            ? Recognition<string>.Of(ShortcutPrefix + text)
            : Recognition<string>.Fail();
    }
}
