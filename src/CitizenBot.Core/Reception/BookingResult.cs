namespace CitizenBot.Core.Reception;

public enum BookingOutcome
{
    Booked,
    SlotTaken,
    SlotPast,
    DayUnavailable,
    TooManyOpen,
    NotFound,
}

/// <summary>A free slot to offer instead of a taken one.</summary>
public sealed record FreeSlot(ReceptionDay Day, ReceptionSlot Slot, int Free, DateTimeOffset StartsAt);

/// <summary>How a booking attempt ended: the booking, or why not and what else is free.</summary>
public sealed record BookingResult(BookingOutcome Outcome, Booking? Booking = null, IReadOnlyList<FreeSlot>? Alternatives = null)
{
    public static BookingResult Of(BookingOutcome outcome) => new(outcome);
}

/// <summary>What the citizen chose and told, ready to book.</summary>
public sealed record BookingRequest(string AddressKey, string DayKey, string SlotKey, string Topic, string Details, string Name, string Phone, string? RescheduleCode = null);
