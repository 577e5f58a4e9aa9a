using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Reception;

/// <summary>What <see cref="BookReceptionDialog"/> has gathered so far, saved as JSON with the conversation.</summary>
public sealed record BookingState : IReadsDialogValues
{
    /// <summary>The booking being moved, when the dialog was begun with the option "reschedule".</summary>
    public string? Reschedule { get; set; }

    public string? Day { get; set; }

    public string? Slot { get; set; }

    public string? Topic { get; set; }

    public string? Details { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    /// <summary>The begin option "reschedule", or a conversation saved by the code before typed state.</summary>
    public void Read(IReadOnlyDictionary<string, string> values)
    {
        Reschedule = values.GetValueOrDefault("reschedule");
        Day = values.GetValueOrDefault("day");
        Slot = values.GetValueOrDefault("slot");
        Topic = values.GetValueOrDefault("topic");
        Details = values.GetValueOrDefault("details");
        Name = values.GetValueOrDefault("name");
        Phone = values.GetValueOrDefault("phone");
    }
}
