using LiteDB;

namespace CitizenBot.Core.Escalation;

public enum OfficerQuestionStatus
{
    Open,
    Answered,
}

/// <summary>A citizen's question relayed to the officers, with a short tag officers can quote, and its answer.</summary>
public sealed class OfficerQuestion
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>"Q-4F2A": short enough to type, shown to the citizen and to officers.</summary>
    public string Tag { get; set; } = "";

    public string AddressKey { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The flow the citizen was in (a dialog id), for the officers' context.</summary>
    public string FromFlow { get; set; } = "";

    public DateTimeOffset AskedAt { get; set; }

    public OfficerQuestionStatus Status { get; set; }

    /// <summary>How many times the question was put to the officers (the first relay counts).</summary>
    public int Announcements { get; set; } = 1;

    public DateTimeOffset LastAnnouncedAt { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Who answered as the citizen sees it: a role ("Cán bộ Bộ phận Một cửa"), never a private account.</summary>
    public string? AnsweredAs { get; set; }

    /// <summary>The officer's user key, kept for the audit trail only.</summary>
    public string? AnsweredBy { get; set; }
}

/// <summary>A citizen's phone as another slice knows it (from a booking or a petition), to give officers a masked contact.</summary>
public interface ICitizenDirectory
{
    string? PhoneOf(string addressKey);
}

public enum AnswerOutcome
{
    Answered,
    AlreadyAnswered,
    NotFound,
}
