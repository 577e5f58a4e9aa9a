using CitizenBot.Core.Commune;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Petitions;

/// <summary>The petitions part of the summary: counts only, never a content or an author.</summary>
public sealed record PetitionFigures(
    int Received,
    IReadOnlyDictionary<PetitionKind, int> ByKind,
    IReadOnlyDictionary<string, int> ByTopic,
    int Answered,
    int Overdue,
    TimeSpan? MedianTimeToAnswer)
{
    public static PetitionFigures Compute(CitizenDatabase db, DateTimeOffset from, DateTimeOffset to)
    {
        var col = db.Collection<BsonDocument>(PetitionBook.CollectionName);
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        var byKind = Enum.GetValues<PetitionKind>().ToDictionary(k => k, _ => 0);
        var byTopic = new Dictionary<string, int>();
        var received = 0;
        foreach (var p in col.Query().Where(Query.And(Query.GTE(nameof(Petition.ReceivedAt), start), Query.LT(nameof(Petition.ReceivedAt), end)))
                     .Select("{ k: $.Kind, t: $.Topic }").ToEnumerable())
        {
            received++;
            if (Enum.TryParse<PetitionKind>(p["k"].AsString, out var kind))
            {
                byKind[kind]++;
            }

            var topic = p["t"].AsString ?? "";
            byTopic[topic] = byTopic.GetValueOrDefault(topic) + 1;
        }

        var times = new List<TimeSpan>();
        foreach (var p in col.Query().Where(Query.And(Query.GTE(nameof(Petition.AnsweredAt), start), Query.LT(nameof(Petition.AnsweredAt), end)))
                     .Select("{ rc: $.ReceivedAt, a: $.AnsweredAt }").ToEnumerable())
        {
            times.Add(p["a"].AsDateTime - p["rc"].AsDateTime);
        }

        // A petition is counted overdue in the period in which it missed a due date.
        var overdue = 0;
        foreach (var p in col.Query().Where(Query.GTE(nameof(Petition.LastDelayAt), start)).Select("{ d: $.Delays[*].At }").ToEnumerable())
        {
            overdue += p["d"].AsArray.Any(at => at.AsDateTime.ToUniversalTime() >= start && at.AsDateTime.ToUniversalTime() < end) ? 1 : 0;
        }

        return new PetitionFigures(received, byKind, byTopic, times.Count, overdue, Median.Of(times));
    }
}
