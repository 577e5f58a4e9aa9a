using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Privacy;

/// <summary>What <see cref="MyDataDialog"/> holds between turns, saved as JSON with the conversation.</summary>
public sealed record MyDataState : IReadsDialogValues
{
    /// <summary>"erase" or "withdraw", waiting for the citizen's confirmation.</summary>
    public string? Action { get; set; }

    /// <summary>A conversation saved by the code before typed state.</summary>
    public void Read(IReadOnlyDictionary<string, string> values) => Action = values.GetValueOrDefault("action");
}
