namespace CitizenBot.Dialogs.Menu;

/// <summary>A button of the main menu that a feature slice contributes, the dialog it starts, and its line in the menu's help.</summary>
/// <param name="Help">What the button is for, one line in Vietnamese after its label in the menu's help.</param>
public sealed record MenuEntry(string Id, string Label, string DialogId, int Order, IReadOnlyList<string> Synonyms, string Help);

/// <summary>Lets a slice claim free text typed at the menu (a dossier code, say) and start its dialog with it.</summary>
public interface IMenuShortcut
{
    /// <summary>The dialog to start and its options, or null when the text is not for this slice.</summary>
    (string DialogId, IReadOnlyDictionary<string, string> Options)? Match(string text);
}
