using LiteDB;

namespace CitizenBot.Core.Dossiers;

/// <summary>A chat that follows a dossier, and the last history entry it was told about.</summary>
public sealed class DossierFollow
{
    /// <summary>"{code}|{chat address}": one follow per dossier and chat.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public string DossierCode { get; set; } = "";

    public string AddressKey { get; set; } = "";

    public DateTimeOffset FollowedAt { get; set; }

    public int NotifiedSeq { get; set; }

    public bool Active { get; set; } = true;

    public static string IdFor(string code, string addressKey) => $"{code}|{addressKey}";
}

/// <summary>
/// Wrong guesses at one dossier's phone check, counted across every chat and channel so that many fresh
/// conversations cannot share out the 10,000 possibilities; enough of them lock following the dossier.
/// </summary>
public sealed class FollowAttempts
{
    /// <summary>The dossier's code. (Records of older versions, counted per chat, have "{code}|{chat}" ids and are ignored.)</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset WindowStart { get; set; }

    /// <summary>Set when the guesses reached the limit: nobody may follow the dossier before then.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
