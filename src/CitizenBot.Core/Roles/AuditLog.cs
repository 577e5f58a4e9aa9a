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

/// <summary>One page of the audit log and how many entries matched in all.</summary>
public sealed record AuditPage(List<AuditEntry> Entries, int Total);

/// <summary>The audit log of officer actions, written in the same transaction as the action itself.</summary>
public sealed class AuditLog(CitizenDatabase db)
{
    public const string CollectionName = "audit";

    public static void Add(LiteDatabase tx, DateTimeOffset at, string actor, string action, string subject) =>
        tx.GetCollection<AuditEntry>(CollectionName).Insert(new AuditEntry { At = at, Actor = actor, Action = action, Subject = subject });

    /// <summary>
    /// One page of the log, newest first: entries by one of <paramref name="actors"/> (any when null), with the action (any when
    /// blank), at or after <paramref name="from"/> and before <paramref name="to"/>, whose subject holds <paramref name="words"/>.
    /// </summary>
    public AuditPage Search(IReadOnlyCollection<string>? actors, string? action, DateTimeOffset? from, DateTimeOffset? to, string? words, int page, int pageSize)
    {
        var query = db.Collection<AuditEntry>(CollectionName).Query();
        if (from is { } start)
        {
            query = query.Where(e => e.At >= start);
        }

        if (to is { } end)
        {
            query = query.Where(e => e.At < end);
        }

        var matching = query.OrderByDescending(e => e.Id).ToEnumerable()
            .Where(e => actors is null || actors.Contains(e.Actor))
            .Where(e => string.IsNullOrWhiteSpace(action) || e.Action == action || e.Action.StartsWith(action + ".", StringComparison.Ordinal))
            .Where(e => string.IsNullOrWhiteSpace(words) || e.Subject.Contains(words.Trim(), StringComparison.OrdinalIgnoreCase));
        var total = 0;
        var entries = new List<AuditEntry>(pageSize);
        foreach (var entry in matching)
        {
            if (total >= (page - 1) * pageSize && entries.Count < pageSize)
            {
                entries.Add(entry);
            }

            total++;
        }

        return new AuditPage(entries, total);
    }

    /// <summary>Everyone who ever acted, for the log's filter.</summary>
    public List<string> Actors() => [.. db.Collection<AuditEntry>(CollectionName).Query().Select(e => e.Actor).ToEnumerable().Distinct().Order(StringComparer.Ordinal)];

    public List<AuditEntry> Latest(int count) =>
        [.. db.Collection<AuditEntry>(CollectionName).Query().OrderByDescending(e => e.Id).Limit(count).ToEnumerable()];
}
