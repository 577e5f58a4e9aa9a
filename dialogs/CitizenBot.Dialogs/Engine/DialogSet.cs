namespace CitizenBot.Dialogs.Engine;

/// <summary>Every dialog the bot knows, by id; feature slices contribute theirs through DI, each dialog with its own prompts.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs;

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        _dialogs = [];
        foreach (var dialog in dialogs)
        {
            Add(dialog);
        }
    }

    /// <summary>A dialog and, with it, the prompts it owns.</summary>
    private void Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"Two dialogs share the id '{dialog.Id}'.");
        }

        foreach (var prompt in dialog.Prompts)
        {
            Add(prompt);
        }
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    public Dialog Get(string id) => Find(id) ?? throw new InvalidOperationException($"No dialog with id '{id}'.");
}
