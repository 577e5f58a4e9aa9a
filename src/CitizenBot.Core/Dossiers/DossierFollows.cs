using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Dossiers;

public enum FollowResult
{
    Followed,
    AlreadyFollowing,
    WrongDigits,
    TooManyAttempts,
    UnknownDossier,
}

/// <summary>Who follows which dossier; the phone check that guards following.</summary>
public sealed class DossierFollows
{
    public const string CollectionName = "dossier_follows";
    public const string AttemptsCollectionName = "dossier_follow_attempts";
    public const int MaxFailuresPerDay = 5;

    private readonly CitizenDatabase _db;
    private readonly DossierStore _dossiers;
    private readonly TimeProvider _time;

    public DossierFollows(CitizenDatabase db, DossierStore dossiers, TimeProvider time)
    {
        _db = db;
        _dossiers = dossiers;
        _time = time;
        var col = db.Collection<DossierFollow>(CollectionName);
        db.Write(_ =>
        {
            col.EnsureIndex(f => f.DossierCode);
            col.EnsureIndex(f => f.AddressKey);
            col.EnsureIndex(f => f.Active);
        });
    }

    public bool IsFollowing(string code, ChatAddress chat) =>
        _db.Collection<DossierFollow>(CollectionName).FindById(DossierFollow.IdFor(code, chat.Key))?.Active == true;

    public List<DossierFollow> Active() => [.. _db.Collection<DossierFollow>(CollectionName).Find(f => f.Active)];

    /// <summary>Follows a dossier if the last four digits match the applicant's phone; wrong tries are counted.</summary>
    public FollowResult TryFollow(string code, ChatAddress chat, string lastFourDigits)
    {
        var dossier = _dossiers.Get(code);
        if (dossier is null)
        {
            return FollowResult.UnknownDossier;
        }

        var now = _time.GetUtcNow();
        return _db.WriteTransaction(tx =>
        {
            var attempts = tx.GetCollection<FollowAttempts>(AttemptsCollectionName);
            var attemptId = DossierFollow.IdFor(dossier.Code, chat.Key);
            var record = attempts.FindById(attemptId);
            if (record is not null && now - record.WindowStart > TimeSpan.FromDays(1))
            {
                record = null;
                attempts.Delete(attemptId);
            }

            if (record is { Failures: >= MaxFailuresPerDay })
            {
                return FollowResult.TooManyAttempts;
            }

            var expected = PersonalData.LastFourDigits(dossier.Phone);
            if (expected.Length < 4 || !string.Equals(expected, lastFourDigits.Trim(), StringComparison.Ordinal))
            {
                record ??= new FollowAttempts { Id = attemptId, WindowStart = now };
                record.Failures++;
                attempts.Upsert(record);
                return record.Failures >= MaxFailuresPerDay ? FollowResult.TooManyAttempts : FollowResult.WrongDigits;
            }

            attempts.Delete(attemptId);
            var follows = tx.GetCollection<DossierFollow>(CollectionName);
            var existing = follows.FindById(attemptId);
            if (existing is { Active: true })
            {
                return FollowResult.AlreadyFollowing;
            }

            follows.Upsert(new DossierFollow
            {
                Id = attemptId,
                DossierCode = dossier.Code,
                AddressKey = chat.Key,
                FollowedAt = now,
                NotifiedSeq = dossier.LastSeq,
            });
            return FollowResult.Followed;
        });
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
