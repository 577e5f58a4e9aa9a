using System.Text.Json;

namespace CitizenBot.Dialogs.Engine;

/// <summary>
/// One dialog on the stack. A waterfall's position is its step's name; its values live in its own typed
/// record, kept here as JSON (<see cref="Data"/>). <see cref="Values"/> holds a prompt's options and a
/// dialog's begin options; for a waterfall saved by older code it also holds the values it had gathered,
/// read into the typed record once.
/// </summary>
public sealed class DialogInstance
{
    private string? _data;
    private object? _typed;

    public string DialogId { get; set; } = "";

    /// <summary>The index of the current step: read only for states saved before steps had names.</summary>
    public int Step { get; set; }

    /// <summary>The name of the current step; a deploy that inserts steps before it still resumes here.</summary>
    public string? StepName { get; set; }

    public int Attempts { get; set; }

    /// <summary>A short random tag put in this dialog's button payloads, so stale buttons are recognised.</summary>
    public string Tag { get; set; } = "";

    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>The dialog's typed state as JSON; the record in use is written back whenever the stack is saved.</summary>
    public string? Data
    {
        get => _typed is null ? _data : JsonSerializer.Serialize(_typed, _typed.GetType());
        set
        {
            _data = value;
            _typed = null;
        }
    }

    /// <summary>The dialog's typed state: read from <see cref="Data"/>, or, the first time, from the old string values.</summary>
    public TState State<TState>() where TState : class, new()
    {
        if (_typed is TState typed)
        {
            return typed;
        }

        var json = Data;
        TState state;
        if (json is not null)
        {
            state = JsonSerializer.Deserialize<TState>(json) ?? new TState();
        }
        else
        {
            state = new TState();
            if (state is IReadsDialogValues legacy)
            {
                legacy.Read(Values);
            }
        }

        _typed = state;
        return state;
    }
}

/// <summary>
/// A typed dialog state that can start from string values: the dialog's begin options, or what a
/// conversation saved by the code before typed state had gathered (read once, then kept as JSON).
/// </summary>
public interface IReadsDialogValues
{
    void Read(IReadOnlyDictionary<string, string> values);
}

/// <summary>A conversation's dialog stack, persisted after every turn.</summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; set; } = [];

    public bool Greeted { get; set; }

    /// <summary>
    /// The dialogs (bottom first) the conversation had when it last gave up on the citizen (a prompt's last attempt): the
    /// "Hỏi cán bộ" button offered there tells the officers which flow the citizen was in. Forgotten at the next fresh start.
    /// </summary>
    public List<string>? LeftStack { get; set; }
}
