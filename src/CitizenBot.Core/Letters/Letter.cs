using CitizenBot.Core.Messaging;
using LiteDB;

namespace CitizenBot.Core.Letters;

/// <summary>The commune's letter system ("hệ thống thư"): the kinds the communes send.</summary>
public enum LetterKind
{
    BirthCongratulation,
    MarriageCongratulation,
    DeathCondolence,
    LateApology,
    PetitionThanks,
    RatingThanks,
}

/// <summary>A letter sent to a citizen: kind, recipient, the event it answers and when. One per event and recipient.</summary>
public sealed class Letter
{
    /// <summary>"{event key}|{recipient}": a second write for the same event is refused by the primary key.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public LetterKind Kind { get; set; }

    /// <summary>The event, e.g. "dossier:HS-2411-0001:resolved" or "petition:KN-7K3M9P:late:1764547200".</summary>
    public string EventKey { get; set; } = "";

    public string AddressKey { get; set; } = "";

    /// <summary>The dossier, petition or rating the letter is about (a code, never a name).</summary>
    public string Subject { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    public static string IdFor(string eventKey, string addressKey) => $"{eventKey}|{addressKey}";
}

/// <summary>
/// An event that calls for a letter. <paramref name="Values"/> fill the template's placeholders besides the
/// commune's name: {ten} (the citizen's name, or "ông/bà"), {ngay} (the event's date), {ma}, {viec}, {hen_moi}.
/// </summary>
public sealed record LetterEvent(LetterKind Kind, string EventKey, ChatAddress To, string Subject, IReadOnlyDictionary<string, string> Values);
