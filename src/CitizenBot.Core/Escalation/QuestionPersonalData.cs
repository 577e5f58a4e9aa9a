using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Escalation;

/// <summary>The chat's questions to officers: erasing keeps the times for the statistics and drops the texts and who asked.</summary>
public sealed class QuestionPersonalData(CitizenDatabase db) : IPersonalDataHolder
{
    public string Section => "Câu hỏi gửi cán bộ";

    public IEnumerable<PersonalRecord> Records(ChatAddress who) =>
        db.Collection<OfficerQuestion>(QuestionBook.CollectionName).Find(q => q.AddressKey == who.Key)
            .Select(q => new PersonalRecord(q.Tag, new Dictionary<string, string?> { ["Câu hỏi"] = q.Text, ["Trả lời"] = q.Answer }));

    public ErasureResult Erase(ChatAddress who) => new(Anonymise(q => q.AddressKey == who.Key));

    public int Expire(DateTimeOffset before) => Anonymise(q => q.AskedAt < before && q.AddressKey != "");

    private int Anonymise(System.Linq.Expressions.Expression<Func<OfficerQuestion, bool>> which) =>
        db.UpdateMany<OfficerQuestion>(QuestionBook.CollectionName, which, q =>
        {
            q.AddressKey = "";
            q.SenderKey = "";
            q.Text = "[đã xóa]";
            q.Answer = q.Answer is null ? null : "[đã xóa]";

            // An erased question is no longer waiting: the officers are not asked about it again (a dismissed one stays dismissed).
            if (q.Status == OfficerQuestionStatus.Open)
            {
                q.Status = OfficerQuestionStatus.Answered;
            }
        });
}
