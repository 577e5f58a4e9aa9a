using LiteDB;

namespace CitizenBot.Core.Escalation;

public enum OfficerQuestionStatus
{
    Open,
    Answered,

    /// <summary>Set aside by the desk as junk or as a duplicate: not waiting, and not counted as answered.</summary>
    Dismissed,
}

/// <summary>Why the desk set a question aside without answering it.</summary>
public enum QuestionDismissal
{
    /// <summary>Not a question (a test, an insult, nonsense): the citizen is told nothing.</summary>
    Junk,

    /// <summary>The same conversation asked it again: the citizen is pointed to the question that gets the answer.</summary>
    Duplicate,
}

/// <summary>Where a question stands on its way to the officers' chat.</summary>
public enum RelayState
{
    /// <summary>Relayed on its own (questions recorded before the relay queue existed read as relayed).</summary>
    Relayed,

    /// <summary>Waiting its turn in the fair relay queue.</summary>
    Queued,

    /// <summary>Asked when the hourly cap was reached: it goes into the period's digest.</summary>
    Held,

    /// <summary>Listed in a digest message rather than relayed on its own.</summary>
    Digested,
}

/// <summary>A citizen's question relayed to the officers, with a short tag officers can quote, and its answer.</summary>
public sealed class OfficerQuestion
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>"Q-4F2A": short enough to type, shown to the citizen and to officers.</summary>
    public string Tag { get; set; } = "";

    public string AddressKey { get; set; } = "";

    /// <summary>
    /// A short hash of who sent it (the Telegram user or the web client's address; the conversation when unknown):
    /// the daily limit per sender and the fair relay queue count by it.
    /// </summary>
    public string SenderKey { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The flow the citizen was in (a dialog id), for the officers' context.</summary>
    public string FromFlow { get; set; } = "";

    /// <summary>The flow's name as the menu shows it, for the relay written later by the queue.</summary>
    public string FlowName { get; set; } = "";

    public RelayState Relay { get; set; }

    /// <summary>When it was relayed on its own (the hourly cap counts these).</summary>
    public DateTimeOffset? RelayedAt { get; set; }

    /// <summary>The start of the hour whose cap held it back (its digest is sent when that hour is over).</summary>
    public DateTimeOffset? HeldInPeriod { get; set; }

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

    public QuestionDismissal? DismissedAs { get; set; }

    /// <summary>For a duplicate: the tag of the question that gets (or got) the answer.</summary>
    public string? DuplicateOf { get; set; }

    public DateTimeOffset? DismissedAt { get; set; }

    /// <summary>Who set it aside (a user key), for the desk's list and the audit trail.</summary>
    public string? DismissedBy { get; set; }
}

public enum AnswerOutcome
{
    Answered,
    AlreadyAnswered,
    NotFound,

    /// <summary>The desk set it aside as junk or a duplicate; no answer is sent.</summary>
    Dismissed,
}

public enum DismissOutcome
{
    Dismissed,
    NotFound,

    /// <summary>Already answered or already set aside.</summary>
    NotOpen,

    /// <summary>The question it duplicates does not exist, is itself, or is itself a dismissed duplicate.</summary>
    OriginalNotFound,

    /// <summary>The question it duplicates came from another conversation: this citizen must get their own answer.</summary>
    OriginalFromAnotherCitizen,
}

/// <summary>Questions one conversation, and one sender over all their conversations, may ask in 24 hours.</summary>
public readonly record struct QuestionQuota(int PerConversation, int PerSender);

public enum QuotaRefusal
{
    None,
    Conversation,
    Sender,
}
