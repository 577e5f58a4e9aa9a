using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Roles;

/// <summary>One officer action: who (a channel user key, or "web:officer"), what, on which record, when.</summary>
public sealed class AuditEntry
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>Record codes and ids only: never a citizen's name, phone or words.</summary>
    public string Subject { get; set; } = "";
}

/// <summary>The audit log of officer actions, written in the same transaction as the action itself.</summary>
public sealed class AuditLog(CitizenDatabase db)
{
    public const string CollectionName = "audit";

    public static void Add(LiteDatabase tx, DateTimeOffset at, string actor, string action, string subject) =>
        tx.GetCollection<AuditEntry>(CollectionName).Insert(new AuditEntry { At = at, Actor = actor, Action = action, Subject = subject });

    public List<AuditEntry> Latest(int count) =>
        [.. db.Collection<AuditEntry>(CollectionName).Query().OrderByDescending(e => e.Id).Limit(count).ToEnumerable()];
}
