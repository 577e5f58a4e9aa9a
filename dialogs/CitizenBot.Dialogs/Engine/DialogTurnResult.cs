namespace CitizenBot.Dialogs.Engine;

public enum DialogTurnStatus
{
    /// <summary>The active dialog waits for the next input.</summary>
    Waiting,

    /// <summary>The stack emptied with a result.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

public readonly record struct DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);
}
