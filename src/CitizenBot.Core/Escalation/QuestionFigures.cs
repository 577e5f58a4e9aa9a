using CitizenBot.Core.Commune;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Escalation;

/// <summary>The escalated questions part of the summary.</summary>
/// <remarks>Questions the desk set aside as junk or duplicates are neither asked nor answered here; <see cref="Dismissed"/> counts them.</remarks>
public sealed record QuestionFigures(int Asked, int Answered, TimeSpan? MedianTimeToAnswer)
{
    public int Dismissed { get; init; }

    public static QuestionFigures Compute(CitizenDatabase db, DateTimeOffset from, DateTimeOffset to)
    {
        var col = db.Collection<BsonDocument>(QuestionBook.CollectionName);
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        var inWindow = Query.And(Query.GTE(nameof(OfficerQuestion.AskedAt), start), Query.LT(nameof(OfficerQuestion.AskedAt), end));
        var dismissed = col.Count(Query.And(inWindow, Query.EQ(nameof(OfficerQuestion.Status), OfficerQuestionStatus.Dismissed.ToString())));
        var asked = col.Count(inWindow) - dismissed;
        var times = new List<TimeSpan>();
        foreach (var q in col.Query().Where(Query.And(Query.GTE(nameof(OfficerQuestion.AnsweredAt), start), Query.LT(nameof(OfficerQuestion.AnsweredAt), end)))
                     .Select("{ q: $.AskedAt, a: $.AnsweredAt }").ToEnumerable())
        {
            times.Add(q["a"].AsDateTime - q["q"].AsDateTime);
        }

        return new QuestionFigures(asked, times.Count, Median.Of(times)) { Dismissed = dismissed };
    }
}
