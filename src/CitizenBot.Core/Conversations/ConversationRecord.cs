using LiteDB;

namespace CitizenBot.Core.Conversations;

/// <summary>
/// A conversation's saved dialog state. The dialog layer owns the JSON; storage only keeps it with the
/// last handled channel update, so a restart resumes the same step and never replays an update. At rest the JSON
/// is sealed in <see cref="SealedState"/>; <see cref="StateJson"/> holds it in memory (and in records saved before sealing).
/// </summary>
public sealed class ConversationRecord
{
    [BsonId]
    public string Id { get; set; } = "";

    public long LastUpdateId { get; set; }

    public int Turns { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    // The state last: LiteDB 5.0.21 has been seen (under concurrent reads) to keep a rewritten document without its
    // tail, read back up to the end of its first block. With the counters first, such a record loses at most its state
    // (the dialog starts afresh) and never its turn count, whose loss made the next turn's replies reuse old keys.
    public string StateJson { get; set; } = "";

    /// <summary>The state JSON sealed with <see cref="Storage.DataSeal"/> (binary, a third smaller than base64).</summary>
    public byte[]? SealedState { get; set; }
}
