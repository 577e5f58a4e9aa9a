using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Ratings;

public enum RatingOutcome
{
    Saved,
    AlreadyRated,
    InvitationNotFound,
}

/// <summary>
/// Ratings and invitations. Saving a rating, using up its invitation and, for "Không hài lòng", alerting
/// the officers' chat happen in one transaction, so the alert is never lost and never sent twice.
/// </summary>
public sealed partial class RatingBook
{
    public const string CollectionName = "ratings";
    public const string InvitationsCollection = "rating_invitations";
    private readonly CitizenDatabase _db;
    private readonly EscalationOptions _escalation;
    private readonly CommuneClock _clock;

    public RatingBook(CitizenDatabase db, EscalationOptions escalation, CommuneClock clock)
    {
        _db = db;
        _escalation = escalation;
        _clock = clock;
        db.EnsureIndexes<Rating>(CollectionName, ratings =>
        {
            ratings.EnsureIndex(r => r.SubjectKey, unique: true);
            ratings.EnsureIndex(r => r.CreatedAt);
            ratings.EnsureIndex(r => r.Level);
        });
        db.EnsureIndexes<RatingInvitation>(InvitationsCollection, invitations => invitations.EnsureIndex(i => i.Key, unique: true));
    }

    public static string FreeSubject() => "free:" + Guid.NewGuid().ToString("N");

    public bool IsRated(string subjectKey) => _db.Collection<Rating>(CollectionName).Exists(r => r.SubjectKey == subjectKey);

    public RatingInvitation? Invitation(long id, string addressKey) =>
        _db.Collection<RatingInvitation>(InvitationsCollection).FindById(id) is { } invitation && invitation.AddressKey == addressKey ? invitation : null;

    /// <summary>Creates the invitation and queues its message, unless this chat was already invited for this subject.</summary>
    public bool Invite(RatingSubject subject, Func<RatingInvitation, OutgoingMessage> message) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<RatingInvitation>(InvitationsCollection);
        var key = $"{subject.SubjectKey}|{subject.AddressKey}";
        if (col.Exists(i => i.Key == key) || tx.GetCollection<Rating>(CollectionName).Exists(r => r.SubjectKey == subject.SubjectKey))
        {
            return false;
        }

        var invitation = new RatingInvitation
        {
            Key = key,
            SubjectKey = subject.SubjectKey,
            SubjectTitle = subject.Title,
            AddressKey = subject.AddressKey,
            Field = subject.Field,
            CreatedAt = _clock.UtcNow,
        };
        col.Insert(invitation);
        var to = ChatAddress.Parse(subject.AddressKey);
        Outbox.AddNew(tx, [OutboxMessage.Create($"rating:invite:{invitation.Id}", to, message(invitation), _clock.UtcNow)]);
        return true;
    });

    /// <summary>Saves a rating once per subject; "Không hài lòng" goes to the officers' chat at once.</summary>
    public RatingOutcome Save(Rating rating, long? invitationId, Func<Rating, string> officerAlert) => _db.WriteTransaction(tx =>
    {
        var ratings = tx.GetCollection<Rating>(CollectionName);
        if (ratings.Exists(r => r.SubjectKey == rating.SubjectKey))
        {
            return RatingOutcome.AlreadyRated;
        }

        if (invitationId is { } id)
        {
            var invitations = tx.GetCollection<RatingInvitation>(InvitationsCollection);
            var invitation = invitations.FindById(id);
            if (invitation is null || invitation.AddressKey != rating.AddressKey)
            {
                return RatingOutcome.InvitationNotFound;
            }

            invitation.UsedAt = _clock.UtcNow;
            invitations.Update(invitation);
        }

        rating.CreatedAt = _clock.UtcNow;
        ratings.Insert(rating);
        if (rating.Level == RatingLevel.Unsatisfied)
        {
            Outbox.AddNew(tx, AlertMessages(rating, officerAlert(rating)));
        }

        return RatingOutcome.Saved;
    });

    /// <summary>Ratings given between two instants, read in one pass (for aggregates and the monthly summary).</summary>
    public IEnumerable<Rating> Between(DateTimeOffset from, DateTimeOffset to) =>
        _db.Collection<Rating>(CollectionName).Find(r => r.CreatedAt >= from && r.CreatedAt < to);

    public List<Rating> LatestUnsatisfied(int count) =>
        [.. _db.Collection<Rating>(CollectionName).Find(r => r.Level == RatingLevel.Unsatisfied).OrderByDescending(r => r.Id).Take(count)];
}
