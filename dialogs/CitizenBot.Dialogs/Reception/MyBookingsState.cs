using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Reception;

/// <summary>What <see cref="MyBookingsDialog"/> holds between turns, saved as JSON with the conversation.</summary>
public sealed record MyBookingsState : IReadsDialogValues
{
    /// <summary>The booking the citizen asked to cancel.</summary>
    public string? Code { get; set; }

    /// <summary>A conversation saved by the code before typed state.</summary>
    public void Read(IReadOnlyDictionary<string, string> values) => Code = values.GetValueOrDefault("code");
}
