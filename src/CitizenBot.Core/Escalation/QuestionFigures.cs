using CitizenBot.Core.Commune;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Escalation;

/// <summary>The escalated questions part of the summary.</summary>
public sealed record QuestionFigures(int Asked, int Answered, TimeSpan? MedianTimeToAnswer)
{
    public static QuestionFigures Compute(CitizenDatabase db, DateTimeOffset from, DateTimeOffset to)
    {
        var col = db.Collection<BsonDocument>(QuestionBook.CollectionName);
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        var asked = col.Count(Query.And(Query.GTE(nameof(OfficerQuestion.AskedAt), start), Query.LT(nameof(OfficerQuestion.AskedAt), end)));
        var times = new List<TimeSpan>();
        foreach (var q in col.Query().Where(Query.And(Query.GTE(nameof(OfficerQuestion.AnsweredAt), start), Query.LT(nameof(OfficerQuestion.AnsweredAt), end)))
                     .Select("{ q: $.AskedAt, a: $.AnsweredAt }").ToEnumerable())
        {
            times.Add(q["a"].AsDateTime - q["q"].AsDateTime);
        }

        return new QuestionFigures(asked, times.Count, Median.Of(times));
    }
}
