using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;

namespace CitizenBot.Core.Ratings;

/// <summary>What the ratings page asks for: a period, optionally one field and one level, and the order.</summary>
public sealed record RatingQuery(DateTimeOffset From, DateTimeOffset To, ServiceField? Field = null, RatingLevel? Level = null, bool LowFirst = false);

/// <summary>
/// The desk's side of the ratings, for the officer console: the list with its filters, and the "Không hài lòng" ones that
/// stay on everyone's home page until someone marks them as read. The alert of a "Không hài lòng" goes, in the rating's own
/// transaction, to the officers' chat and to the leaders' chat when each is configured.
/// </summary>
public sealed partial class RatingBook
{
    /// <summary>The page shows at most this many ratings at once (the counts cover them all).</summary>
    public const int ListedAtMost = 500;

    /// <summary>The ratings of a period, newest first (or the lowest level first), bounded.</summary>
    public List<Rating> Find(RatingQuery query)
    {
        var found = Between(query.From, query.To)
            .Where(r => query.Field is null || r.Field == query.Field)
            .Where(r => query.Level is null || r.Level == query.Level);
        var ordered = query.LowFirst
            ? found.OrderByDescending(r => r.Level).ThenByDescending(r => r.CreatedAt)
            : found.OrderByDescending(r => r.CreatedAt);
        return [.. ordered.ThenByDescending(r => r.Id).Take(ListedAtMost)];
    }

    /// <summary>"Không hài lòng" ratings no one has marked as read yet, newest first (bounded).</summary>
    public List<Rating> UnreadUnsatisfied(int count) =>
        [.. _db.Collection<Rating>(CollectionName).Find(r => r.Level == RatingLevel.Unsatisfied)
            .Where(r => r.SeenAt is null)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(count)];

    /// <summary>Marks a "Không hài lòng" as read by someone at the desk; audited under them. False when there is nothing to mark.</summary>
    public bool MarkRead(long id, string actor) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<Rating>(CollectionName);
        var rating = col.FindById(id);
        if (rating is null || rating.Level != RatingLevel.Unsatisfied || rating.SeenAt is not null)
        {
            return false;
        }

        rating.SeenAt = _clock.UtcNow;
        rating.SeenBy = actor;
        col.Update(rating);
        AuditLog.Add(tx, _clock.UtcNow, actor, "rating.read", rating.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    });

    /// <summary>The alert of one "Không hài lòng": the officers' chat and the leaders' chat, each once (keyed), when configured.</summary>
    private List<OutboxMessage> AlertMessages(Rating rating, string text)
    {
        var messages = new List<OutboxMessage>();
        if (_escalation.OfficersChat is { } officers)
        {
            messages.Add(OutboxMessage.Create($"rating:alert:{rating.Id}", officers, new OutgoingMessage(text), _clock.UtcNow));
        }

        if (_escalation.LeadersChat is { } leaders && leaders.Key != _escalation.OfficersChat?.Key)
        {
            messages.Add(OutboxMessage.Create($"rating:alert:{rating.Id}:leaders", leaders, new OutgoingMessage(text), _clock.UtcNow));
        }

        return messages;
    }
}
