using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using LiteDB;

namespace CitizenBot.Core.Escalation;

/// <summary>An answer the desk gives often ("Xã chi trả trợ cấp vào ngày 5 hằng tháng…"), kept to fill the answer box.</summary>
public sealed class SavedAnswer
{
    [BsonId(autoId: true)]
    public long Id { get; set; }

    /// <summary>A short name to pick it by ("Lịch chi trả trợ cấp").</summary>
    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who wrote or last changed it (a user key).</summary>
    public string By { get; set; } = "";
}

/// <summary>What is wrong with a saved answer as typed, by field ("Title", "Text"); empty when it can be saved.</summary>
public sealed record SavedAnswerProblems(IReadOnlyDictionary<string, string> ByField)
{
    public bool Ok => ByField.Count == 0;
}

/// <summary>The desk's saved answers: created, changed and deleted on the officer console, each change audited under the officer.</summary>
public sealed class SavedAnswerBook
{
    public const string CollectionName = "saved_answers";
    public const int TitleMax = 80;
    public const int TextMax = QuestionAnswerLimits.TextMax;

    /// <summary>Bounded, so the picker stays one short list.</summary>
    public const int MaxCount = 200;

    private readonly CitizenDatabase _db;
    private readonly TimeProvider _time;

    public SavedAnswerBook(CitizenDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        db.EnsureIndexes<SavedAnswer>(CollectionName, col => col.EnsureIndex(a => a.Title));
    }

    public List<SavedAnswer> All() => [.. _db.Collection<SavedAnswer>(CollectionName).FindAll().OrderBy(a => a.Title, StringComparer.CurrentCulture).ThenBy(a => a.Id)];

    public SavedAnswer? Get(long id) => _db.Collection<SavedAnswer>(CollectionName).FindById(id);

    public static SavedAnswerProblems Check(string? title, string? text)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems["Title"] = "Xin đặt tên ngắn cho câu trả lời mẫu.";
        }
        else if (title.Trim().Length > TitleMax)
        {
            problems["Title"] = $"Tên tối đa {TitleMax} ký tự.";
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < QuestionAnswerLimits.TextMin)
        {
            problems["Text"] = "Xin nhập nội dung câu trả lời mẫu.";
        }
        else if (text.Trim().Length > TextMax)
        {
            problems["Text"] = $"Nội dung tối đa {TextMax} ký tự.";
        }

        return new SavedAnswerProblems(problems);
    }

    /// <summary>Creates (no id) or changes a saved answer; nothing is written when <see cref="Check"/> finds a problem.</summary>
    public (SavedAnswerProblems Problems, SavedAnswer? Answer) Save(long? id, string? title, string? text, string actor)
    {
        var problems = Check(title, text);
        if (!problems.Ok)
        {
            return (problems, null);
        }

        return _db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<SavedAnswer>(CollectionName);
            var now = _time.GetUtcNow();
            SavedAnswer? answer;
            if (id is { } existing)
            {
                answer = col.FindById(existing);
                if (answer is null)
                {
                    return (new SavedAnswerProblems(new Dictionary<string, string> { ["Title"] = "Câu trả lời mẫu này không còn nữa (có thể đã bị xóa)." }), (SavedAnswer?)null);
                }
            }
            else
            {
                if (col.Count() >= MaxCount)
                {
                    return (new SavedAnswerProblems(new Dictionary<string, string> { ["Title"] = $"Đã có {MaxCount} câu trả lời mẫu; xin xóa bớt câu không dùng trước khi thêm." }), null);
                }

                answer = new SavedAnswer { CreatedAt = now };
            }

            answer.Title = title!.Trim();
            answer.Text = text!.Trim();
            answer.UpdatedAt = now;
            answer.By = actor;
            if (answer.Id == 0)
            {
                col.Insert(answer);
            }
            else
            {
                col.Update(answer);
            }

            AuditLog.Add(tx, now, actor, id is null ? "saved-answer.create" : "saved-answer.edit", answer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (new SavedAnswerProblems(new Dictionary<string, string>()), answer);
        });
    }

    public bool Delete(long id, string actor) => _db.WriteTransaction(tx =>
    {
        if (!tx.GetCollection<SavedAnswer>(CollectionName).Delete(id))
        {
            return false;
        }

        AuditLog.Add(tx, _time.GetUtcNow(), actor, "saved-answer.delete", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    });
}

/// <summary>How long an answer may be, wherever it is typed (the console, the JSON API).</summary>
public static class QuestionAnswerLimits
{
    public const int TextMin = 2;
    public const int TextMax = 3000;
}
