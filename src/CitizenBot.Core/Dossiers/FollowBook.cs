using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Dossiers;

public enum FollowResult
{
    Followed,
    AlreadyFollowing,
    WrongDigits,
    TooManyAttempts,
    UnknownDossier,
}

/// <summary>
/// Who follows which dossier; the phone check that guards following. Wrong guesses are counted per dossier
/// across every chat and channel: enough of them lock following that dossier for everyone for a while, and
/// the officers are told once per lock.
/// </summary>
public sealed class FollowBook
{
    public const string CollectionName = "dossier_follows";
    public const string AttemptsCollectionName = "dossier_follow_attempts";

    private readonly CitizenDatabase _db;
    private readonly DossierBook _dossiers;
    private readonly TimeProvider _time;
    private readonly FollowGuardOptions _guard;
    private readonly EscalationOptions _escalation;
    private readonly CommuneClock _clock;
    private readonly ILogger<FollowBook> _logger;

    public FollowBook(CitizenDatabase db, DossierBook dossiers, TimeProvider time, FollowGuardOptions guard, EscalationOptions escalation, CommuneClock clock, ILogger<FollowBook> logger)
    {
        _db = db;
        _dossiers = dossiers;
        _time = time;
        _guard = guard;
        _escalation = escalation;
        _clock = clock;
        _logger = logger;
        db.EnsureIndexes<DossierFollow>(CollectionName, col =>
        {
            col.EnsureIndex(f => f.DossierCode);
            col.EnsureIndex(f => f.AddressKey);
            col.EnsureIndex(f => f.Active);
        });
    }

    public bool IsFollowing(string code, ChatAddress chat) =>
        _db.Collection<DossierFollow>(CollectionName).FindById(DossierFollow.IdFor(code, chat.Key))?.Active == true;

    /// <summary>How many chats follow a dossier now (officers see the number, never who).</summary>
    public int FollowerCount(string code)
    {
        var canonical = DossierCode.Canonical(code);
        return _db.Collection<DossierFollow>(CollectionName).Count(f => f.DossierCode == canonical && f.Active);
    }

    public List<DossierFollow> Active() => [.. _db.Collection<DossierFollow>(CollectionName).Find(f => f.Active)];

    /// <summary>The active follows of one dossier, through the dossier-code index.</summary>
    public List<DossierFollow> ActiveOf(string code) =>
        [.. _db.Collection<DossierFollow>(CollectionName).Find(Filter.Eq(nameof(DossierFollow.DossierCode), DossierCode.Canonical(code), nameof(DossierFollow.Active), true))];

    /// <summary>Until when following the dossier is locked after too many wrong guesses; null when it is open.</summary>
    public DateTimeOffset? LockedUntil(string code)
    {
        var until = _db.Collection<FollowAttempts>(AttemptsCollectionName).FindById(DossierCode.Canonical(code))?.LockedUntil;
        return until > _time.GetUtcNow() ? until : null;
    }

    /// <summary>Follows a dossier if the last four digits match the applicant's phone; wrong tries are counted per dossier.</summary>
    public FollowResult TryFollow(string code, ChatAddress chat, string lastFourDigits)
    {
        var dossier = _dossiers.Get(code);
        if (dossier is null)
        {
            return FollowResult.UnknownDossier;
        }

        var now = _time.GetUtcNow();
        var (result, lockedNow) = _db.WriteTransaction(tx =>
        {
            var attempts = tx.GetCollection<FollowAttempts>(AttemptsCollectionName);
            var record = attempts.FindById(dossier.Code);
            if (record?.LockedUntil > now)
            {
                // Locked for everyone: the right digits too, or the lock would only slow the guessing down.
                return (FollowResult.TooManyAttempts, false);
            }

            if (record is not null && (record.LockedUntil is not null || now - record.WindowStart >= _guard.Window))
            {
                record = null;
            }

            var expected = PersonalData.LastFourDigits(dossier.Phone);
            if (expected.Length < 4 || !string.Equals(expected, lastFourDigits.Trim(), StringComparison.Ordinal))
            {
                record ??= new FollowAttempts { Id = dossier.Code, WindowStart = now };
                record.Failures++;
                var locks = record.Failures >= _guard.GuessesPerDossier;
                if (locks)
                {
                    record.LockedUntil = now + _guard.LockPeriod;
                    TellOfficers(tx, dossier.Code, record, now);
                }

                attempts.Upsert(record);
                return (locks ? FollowResult.TooManyAttempts : FollowResult.WrongDigits, locks);
            }

            // The window's wrong guesses stay counted: one right answer does not wipe out someone else's guessing.
            var id = DossierFollow.IdFor(dossier.Code, chat.Key);
            var follows = tx.GetCollection<DossierFollow>(CollectionName);
            var existing = follows.FindById(id);
            if (existing is { Active: true })
            {
                return (FollowResult.AlreadyFollowing, false);
            }

            follows.Upsert(new DossierFollow
            {
                Id = id,
                DossierCode = dossier.Code,
                AddressKey = chat.Key,
                FollowedAt = now,
                NotifiedSeq = dossier.LastSeq,
            });
            return (FollowResult.Followed, false);
        });

        if (lockedNow)
        {
            _logger.LogWarning("Following a dossier was locked for {Hours} h after {Count} wrong phone checks from any chat",
                _guard.LockPeriod.TotalHours, _guard.GuessesPerDossier);
        }

        return result;
    }

    /// <summary>Queued in the lock's own transaction, keyed by the lock, so the officers hear of each lock exactly once.</summary>
    private void TellOfficers(LiteDatabase tx, string code, FollowAttempts record, DateTimeOffset now)
    {
        if (_escalation.OfficersChat is not { } officers)
        {
            return;
        }

        var key = $"follow-lock:{code}:{record.LockedUntil!.Value.ToUnixTimeSeconds()}";
        var text = FollowGuardTexts.Locked(code, record.Failures, record.LockedUntil.Value, _clock);
        Outbox.AddNew(tx, [OutboxMessage.Create(key, officers, new OutgoingMessage(text), now)]);
    }

    public bool Unfollow(string code, ChatAddress chat) => _db.Write(tx =>
    {
        var follows = tx.GetCollection<DossierFollow>(CollectionName);
        var existing = follows.FindById(DossierFollow.IdFor(DossierCode.Canonical(code), chat.Key));
        if (existing is null || !existing.Active)
        {
            return false;
        }

        existing.Active = false;
        return follows.Update(existing);
    });
}
