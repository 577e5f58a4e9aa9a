using LiteDB;

namespace CitizenBot.Core.Petitions;

public enum PetitionKind
{
    /// <summary>Kiến nghị, phản ánh: may be sent anonymously.</summary>
    Feedback,

    /// <summary>Khiếu nại: the complainant must be named (Law on Complaints 2011).</summary>
    Complaint,

    /// <summary>Tố cáo: the author must be named, and the law protects that identity (Law on Denunciation 2018, art. 9 and 47).</summary>
    Denunciation,
}

public enum PetitionStatus
{
    Received,
    Assigned,
    InProgress,
    Answered,
    Closed,
    Transferred,
    Rejected,
}

/// <summary>One step of a petition's life: what it became, when, who did it (a role for the citizen, a user key for the audit) and any note.</summary>
public sealed class PetitionEvent
{
    public int Seq { get; set; }

    public PetitionStatus Status { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>"Cán bộ Bộ phận Một cửa UBND xã", as the citizen is told.</summary>
    public string ByRole { get; set; } = "";

    public string By { get; set; } = "";

    /// <summary>The answer, the reason for a rejection, where it was transferred, or why it was reopened.</summary>
    public string? Note { get; set; }

    /// <summary>True for the step that took an answered petition back to work (asked by its author or decided by an officer).</summary>
    public bool Reopened { get; set; }
}

/// <summary>
/// A petition. For a denunciation the author's name, phone and chat are never stored in clear: they are
/// sealed with the configured key in <see cref="SealedIdentity"/>, and <see cref="AuthorLookup"/> (a keyed
/// hash of the chat) lets the author list their own petitions.
/// </summary>
public sealed class Petition
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public string Code { get; set; } = "";

    public PetitionKind Kind { get; set; }

    public string Topic { get; set; } = "";

    public string Village { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>The channel's file ids of photos the citizen attached.</summary>
    public List<string> Photos { get; set; } = [];

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool Anonymous { get; set; }

    /// <summary>The chat to notify; empty for a denunciation (it is in the sealed identity).</summary>
    public string AddressKey { get; set; } = "";

    public string AuthorLookup { get; set; } = "";

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? SealedIdentity { get; set; }

    public PetitionStatus Status { get; set; }

    public string? AssignedTo { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The end of the day by which the citizen should have an answer (moved when the commune apologises for a delay).</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public List<PetitionEvent> History { get; set; } = [];

    /// <summary>Due dates missed, each with the new date promised in the apology letter.</summary>
    public List<PetitionDelay> Delays { get; set; } = [];

    /// <summary>When the last due date was missed (indexed, for the letter sweep).</summary>
    public DateTimeOffset? LastDelayAt { get; set; }

    /// <summary>How many times the petition was taken back to work after an answer.</summary>
    [BsonIgnore]
    public int Reopens => History.Count(e => e.Reopened);

    [BsonIgnore]
    public bool IsOpen => Status is PetitionStatus.Received or PetitionStatus.Assigned or PetitionStatus.InProgress;
}

/// <summary>Who wrote a petition, as sealed for a denunciation.</summary>
/// <summary>A due date the commune missed, and the one it promised instead.</summary>
public sealed class PetitionDelay
{
    public DateTimeOffset MissedDueAt { get; set; }

    public DateTimeOffset NewDueAt { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed record PetitionIdentity(string AddressKey, string? Name, string? Phone);

/// <summary>What the citizen filled in, ready to submit.</summary>
public sealed record PetitionDraft(
    PetitionKind Kind, string Topic, string Village, string Content, IReadOnlyList<string> Photos,
    (double Latitude, double Longitude)? Location, bool Anonymous, string? Name, string? Phone, string AddressKey);
