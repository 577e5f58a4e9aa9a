namespace CitizenBot.Dialogs.Menu;

/// <summary>A button of the main menu that a feature slice contributes, the dialog it starts, and its line in the menu's help.</summary>
/// <param name="Help">What the button is for, one line in Vietnamese after its label in the menu's help.</param>
/// <param name="Anywhere">Words that, typed alone, open this entry at any step, as its button does ("hướng dẫn" for the guide).</param>
/// <param name="Activity">What the citizen does there, said when a half-done flow is left ("gửi kiến nghị"); the label when not given.</param>
public sealed record MenuEntry(string Id, string Label, string DialogId, int Order, IReadOnlyList<string> Synonyms, string Help,
    IReadOnlyList<string>? Anywhere = null, string? Activity = null)
{
    /// <summary>
    /// A main-menu button's payload starts with this, then the entry's id ("menu:dossier"): it means the same on every
    /// message, however old, so it is never stale (the web page keeps such buttons clickable).
    /// </summary>
    public const string PayloadPrefix = "menu:";

    public string Payload => PayloadPrefix + Id;
}

/// <summary>Lets a slice claim free text typed at the menu (a dossier code, say) and start its dialog with it.</summary>
public interface IMenuShortcut
{
    /// <summary>The dialog to start and its options, or null when the text is not for this slice.</summary>
    (string DialogId, IReadOnlyDictionary<string, string> Options)? Match(string text);
}
