namespace CitizenBot.Dialogs.Menu;

/// <summary>A button of the main menu that a feature slice contributes, and the dialog it starts.</summary>
public sealed record MenuEntry(string Id, string Label, string DialogId, int Order, IReadOnlyList<string> Synonyms);

/// <summary>Lets a slice claim free text typed at the menu (a dossier code, say) and start its dialog with it.</summary>
public interface IMenuShortcut
{
    /// <summary>The dialog to start and its options, or null when the text is not for this slice.</summary>
    (string DialogId, IReadOnlyDictionary<string, string> Options)? Match(string text);
}
