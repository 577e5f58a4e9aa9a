using CitizenBot.Core.Messaging;

namespace CitizenBot.Core.Commune;

/// <summary>Where questions for officers go (the officers' chat, which ratings, petitions and follows post to as well), and how long one may wait before it is put to them again.</summary>
public sealed class EscalationOptions
{
    public ChatAddress? OfficersChat { get; init; }

    /// <summary>The leaders' chat (Summary:LeadersChatId): a "Không hài lòng" rating is alerted there too, at once.</summary>
    public ChatAddress? LeadersChat { get; init; }

    public TimeSpan ReannounceAfter { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Questions relayed on their own to the officers' chat in one clock hour; the rest go into that hour's digest.</summary>
    public int RelaysPerHour { get; init; } = 30;

    /// <summary>Relays waiting in the outbox at once: the queue keeps the rest, so it can pick fairly between senders.</summary>
    public int RelaysInFlight { get; init; } = 1;
}
