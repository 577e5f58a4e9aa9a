using LiteDB;

namespace CitizenBot.Core.Conversations;

/// <summary>
/// A conversation's saved dialog state. The dialog layer owns the JSON; storage only keeps it with the
/// last handled channel update, so a restart resumes the same step and never replays an update.
/// </summary>
public sealed class ConversationRecord
{
    [BsonId]
    public string Id { get; set; } = "";

    public string StateJson { get; set; } = "";

    public long LastUpdateId { get; set; }

    public int Turns { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
