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

/// <summary>Failed attempts at the phone check, so the last four digits cannot be guessed by trying.</summary>
public sealed class FollowAttempts
{
    [BsonId]
    public string Id { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset WindowStart { get; set; }
}
