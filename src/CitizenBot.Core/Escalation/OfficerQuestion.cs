using LiteDB;

namespace CitizenBot.Core.Escalation;

public enum OfficerQuestionStatus
{
    Open,
    Answered,
}

/// <summary>A citizen's question relayed to the officers, with a short tag officers can quote.</summary>
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
}
