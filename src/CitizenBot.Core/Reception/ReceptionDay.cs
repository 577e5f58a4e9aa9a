namespace CitizenBot.Core.Reception;

/// <summary>One slot of a reception day: its start and end in the commune's time, and how many citizens it takes.</summary>
public sealed record ReceptionSlot(TimeOnly Start, TimeOnly End, int Capacity)
{
    public string Key => Start.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);

    public string Label => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}

/// <summary>
/// A day the commune receives citizens: a regular day (the 10th or 20th, possibly moved) or a session a
/// leader holds. <see cref="Key"/> identifies it in bookings and button payloads.
/// </summary>
/// <param name="OpenToCitizens">
/// False for a leader's session on a Sunday or a holiday that no officer confirmed: officers still see it, citizens are never offered it.
/// </param>
public sealed record ReceptionDay(string Key, DateOnly Date, string Title, IReadOnlyList<ReceptionSlot> Slots, DateOnly? MovedFrom = null, bool OpenToCitizens = true)
{
    public ReceptionSlot? Slot(string slotKey) => Slots.FirstOrDefault(s => s.Key == slotKey);
}

/// <summary>A reception session an officer added for a leader (the chairman's or the party secretary's day).</summary>
public sealed class LeaderSession
{
    [LiteDB.BsonId(autoId: true)]
    public int Id { get; set; }

    /// <summary>The date as yyyy-MM-dd (LiteDB has no DateOnly).</summary>
    public string Date { get; set; } = "";

    public string Title { get; set; } = "";

    public bool Cancelled { get; set; }

    /// <summary>The officer confirmed a session on a Sunday or a public holiday ("Tôi xác nhận lịch tiếp vào ngày nghỉ").</summary>
    public bool OffDayConfirmed { get; set; }

    public string AddedBy { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }
}
