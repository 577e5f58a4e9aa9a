using LiteDB;

namespace CitizenBot.Core.Dossiers;

public enum DossierStatus
{
    Received,
    InProgress,
    AwaitingSupplement,
    Resolved,
    Returned,
    Withdrawn,
}

public enum DossierChannel
{
    Direct,
    OnlinePartial,
    OnlineFull,
    Postal,
}

public enum DossierChangeKind
{
    Received,
    StatusChanged,
    DueDateChanged,
}

/// <summary>One entry of a dossier's history; followers are told of every entry after the one they saw.</summary>
public sealed class DossierChange
{
    public int Seq { get; set; }

    public DossierChangeKind Kind { get; set; }

    public DossierStatus Status { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>An administrative dossier (hồ sơ TTHC) as the one-stop desk recorded it.</summary>
public sealed class Dossier
{
    /// <summary>The code as printed on the receipt, upper case without spaces (e.g. HS-2411-0001).</summary>
    [BsonId]
    public string Code { get; set; } = "";

    /// <summary>Letters and digits of the code only, for tolerant lookups.</summary>
    public string LookupKey { get; set; } = "";

    /// <summary>The lookup key without its letter prefix. Kept for existing data; lookups need the whole code.</summary>
    public string NumberKey { get; set; } = "";

    public string Procedure { get; set; } = "";

    public string Field { get; set; } = "";

    public string Applicant { get; set; } = "";

    public string Phone { get; set; } = "";

    public DossierChannel Channel { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DossierStatus Status { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public List<DossierChange> History { get; set; } = [];

    /// <summary>
    /// When the latest history entry was made (a status or due-date change, or the filing itself): indexed, so the
    /// sweeps that look for recent changes read only the dossiers that changed. Null only for a dossier without history.
    /// </summary>
    public DateTimeOffset? ChangedAt { get; set; }

    [BsonIgnore]
    public int LastSeq => History.Count == 0 ? 0 : History[^1].Seq;

    [BsonIgnore]
    public bool IsFinished => Status is DossierStatus.Resolved or DossierStatus.Returned or DossierStatus.Withdrawn;
}
