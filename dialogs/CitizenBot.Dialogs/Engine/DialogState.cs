namespace CitizenBot.Dialogs.Engine;

/// <summary>
/// One dialog on the stack. Values are strings on purpose: they survive the JSON round trip through
/// storage unchanged (Bot Framework's int-read-back-as-long bug cannot happen).
/// </summary>
public sealed class DialogInstance
{
    public string DialogId { get; set; } = "";

    public int Step { get; set; }

    public int Attempts { get; set; }

    /// <summary>A short random tag put in this dialog's button payloads, so stale buttons are recognised.</summary>
    public string Tag { get; set; } = "";

    public Dictionary<string, string> Values { get; set; } = [];
}

/// <summary>A conversation's dialog stack, persisted after every turn.</summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; set; } = [];

    public bool Greeted { get; set; }
}
