using CitizenBot.Core.Commune;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Guide;

/// <summary>What an import did to one entry.</summary>
public enum GuideChange
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// The procedures guide in LiteDB. Every change (import, confirmation) is written with its audit line in one
/// transaction. <see cref="Version"/> moves on each change, so the matcher rebuilds its index only then.
/// </summary>
public sealed class GuideBook(CitizenDatabase db, TimeProvider time)
{
    public const string CollectionName = "guide_entries";
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public static string KeyOf(string name) => TextMatching.Words(name);

    public List<GuideEntry> All() => [.. db.Collection<GuideEntry>(CollectionName).FindAll().OrderBy(e => e.Field).ThenBy(e => e.Name)];

    /// <summary>The entries citizens may see.</summary>
    public List<GuideEntry> Confirmed() => [.. All().Where(e => e.IsConfirmed)];

    public GuideEntry? Get(string key) => db.Collection<GuideEntry>(CollectionName).FindById(key);

    public int Count() => db.Collection<GuideEntry>(CollectionName).Count();

    /// <summary>
    /// Adds or updates entries by name. A changed entry loses its confirmation unless <paramref name="confirm"/> says
    /// the importing officer confirms it; an unchanged one keeps its state (importing the same file twice changes nothing).
    /// </summary>
    public IReadOnlyList<GuideChange> Upsert(IReadOnlyList<(GuideEntry Entry, bool Confirm)> rows, string actor) => db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<GuideEntry>(CollectionName);
        var now = time.GetUtcNow();
        var changes = new List<GuideChange>();
        foreach (var (entry, asked) in rows)
        {
            entry.Key = KeyOf(entry.Name);
            var confirm = asked && GuideRules.ConfirmProblems(entry).Ok;
            var old = col.FindById(entry.Key);
            if (old is not null && old.SameContentAs(entry) && (!confirm || old.IsConfirmed))
            {
                changes.Add(GuideChange.Unchanged);
                continue;
            }

            var contentChanged = old is null || !old.SameContentAs(entry);
            entry.UpdatedAt = contentChanged ? now : old!.UpdatedAt;
            entry.UpdatedBy = contentChanged ? actor : old!.UpdatedBy;
            entry.ConfirmedBy = confirm ? actor : contentChanged ? null : old!.ConfirmedBy;
            entry.ConfirmedAt = confirm ? now : contentChanged ? null : old!.ConfirmedAt;
            col.Upsert(entry);
            var change = old is null ? GuideChange.Created : GuideChange.Updated;
            AuditLog.Add(tx, now, actor, change == GuideChange.Created ? "guide.create" : "guide.update", entry.Key);
            if (confirm)
            {
                AuditLog.Add(tx, now, actor, "guide.confirm", entry.Key);
            }

            changes.Add(change);
        }

        Interlocked.Increment(ref _version);
        return changes;
    });

    /// <summary>An officer confirms an entry: from now on citizens are answered from it. False when there is no such entry or it names no legal basis and source.</summary>
    public bool Confirm(string key, string actor) => TryConfirm(key, actor) == GuideConfirmOutcome.Confirmed;

    /// <summary>An officer confirms an entry, which must name its legal basis and source (<see cref="GuideRules.ConfirmProblems"/>).</summary>
    public GuideConfirmOutcome TryConfirm(string key, string actor) => db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<GuideEntry>(CollectionName);
        if (col.FindById(KeyOf(key)) is not { } entry)
        {
            return GuideConfirmOutcome.NotFound;
        }

        if (!GuideRules.ConfirmProblems(entry).Ok)
        {
            return GuideConfirmOutcome.Incomplete;
        }

        var now = time.GetUtcNow();
        entry.ConfirmedBy = actor;
        entry.ConfirmedAt = now;
        col.Update(entry);
        AuditLog.Add(tx, now, actor, "guide.confirm", entry.Key);
        Interlocked.Increment(ref _version);
        return GuideConfirmOutcome.Confirmed;
    });

    /// <summary>An officer withdraws an entry from citizens (content outdated) without deleting it.</summary>
    public bool Unconfirm(string key, string actor) => db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<GuideEntry>(CollectionName);
        if (col.FindById(KeyOf(key)) is not { } entry)
        {
            return false;
        }

        var now = time.GetUtcNow();
        entry.ConfirmedBy = null;
        entry.ConfirmedAt = null;
        col.Update(entry);
        AuditLog.Add(tx, now, actor, "guide.unconfirm", entry.Key);
        Interlocked.Increment(ref _version);
        return true;
    });

    /// <summary>
    /// Adds (<paramref name="originalKey"/> null) or changes an entry typed on the console. A change of content takes the
    /// confirmation away until an officer confirms again; a rename keeps it one entry. Nothing is written when a field is wrong;
    /// the problem "" means the entry to change is gone.
    /// </summary>
    public (GuideEntryProblems Problems, GuideEntry? Entry, bool Changed) Save(string? originalKey, GuideEntry typed, string actor)
    {
        var problems = GuideRules.Check(typed);
        if (!problems.Ok)
        {
            return (problems, null, false);
        }

        return db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<GuideEntry>(CollectionName);
            var key = KeyOf(typed.Name);
            var old = originalKey is null ? null : col.FindById(originalKey);
            if (originalKey is not null && old is null)
            {
                return (new GuideEntryProblems(new Dictionary<string, string> { [""] = "Thủ tục này không còn trong hướng dẫn (có thể vừa bị xóa)." }), (GuideEntry?)null, false);
            }

            if (key != old?.Key && col.FindById(key) is { } other)
            {
                return (new GuideEntryProblems(new Dictionary<string, string> { [nameof(GuideEntry.Name)] = $"Đã có thủ tục \"{other.Name}\" trong hướng dẫn; xin sửa thủ tục đó hoặc đặt tên khác." }), null, false);
            }

            if (old is not null && old.SameContentAs(typed))
            {
                return (GuideEntryProblems.None, old, false);
            }

            var now = time.GetUtcNow();
            typed.Key = key;
            typed.UpdatedAt = now;
            typed.UpdatedBy = actor;
            typed.ConfirmedBy = null;
            typed.ConfirmedAt = null;
            if (old is not null && old.Key != key)
            {
                col.Delete(old.Key);
            }

            col.Upsert(typed);
            AuditLog.Add(tx, now, actor, old is null ? "guide.create" : "guide.update", old is null || old.Key == key ? key : $"{old.Key} → {key}");
            Interlocked.Increment(ref _version);
            return (GuideEntryProblems.None, typed, true);
        });
    }

    /// <summary>An officer deletes an entry (hiding it is <see cref="Unconfirm"/>). False when it was already gone.</summary>
    public bool Delete(string key, string actor) => db.WriteTransaction(tx =>
    {
        if (!tx.GetCollection<GuideEntry>(CollectionName).Delete(KeyOf(key)))
        {
            return false;
        }

        AuditLog.Add(tx, time.GetUtcNow(), actor, "guide.delete", KeyOf(key));
        Interlocked.Increment(ref _version);
        return true;
    });
}
