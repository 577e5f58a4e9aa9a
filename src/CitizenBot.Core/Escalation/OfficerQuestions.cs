using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Escalation;

/// <summary>Where questions for officers go: the officers' group chat, when one is configured.</summary>
public sealed class EscalationOptions
{
    public ChatAddress? OfficersChat { get; init; }
}

/// <summary>Records a citizen's question and relays it to the officers' chat in the same transaction.</summary>
public sealed class OfficerQuestions
{
    public const string CollectionName = "officer_questions";
    private readonly CitizenDatabase _db;
    private readonly EscalationOptions _options;
    private readonly TimeProvider _time;

    public OfficerQuestions(CitizenDatabase db, EscalationOptions options, TimeProvider time)
    {
        _db = db;
        _options = options;
        _time = time;
        var col = db.Collection<OfficerQuestion>(CollectionName);
        db.Write(_ =>
        {
            col.EnsureIndex(q => q.Tag, unique: true);
            col.EnsureIndex(q => q.AddressKey);
        });
    }

    public OfficerQuestion Ask(ChatAddress from, string text, string fromFlow, string flowName) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<OfficerQuestion>(CollectionName);
        var now = _time.GetUtcNow();
        var question = new OfficerQuestion
        {
            Tag = NewTag(col),
            AddressKey = from.Key,
            Text = text,
            FromFlow = fromFlow,
            AskedAt = now,
            Status = OfficerQuestionStatus.Open,
        };
        col.Insert(question);
        if (_options.OfficersChat is { } officers)
        {
            var relay = EscalationTexts.Relay(question, flowName);
            Outbox.AddNew(tx, [OutboxMessage.Create($"question:{question.Tag}:relay", officers, new OutgoingMessage(relay), now)]);
        }

        return question;
    });

    private static string NewTag(LiteDB.ILiteCollection<OfficerQuestion> col)
    {
        while (true)
        {
            var tag = "Q-" + Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 2);
            if (!col.Exists(q => q.Tag == tag))
            {
                return tag;
            }
        }
    }
}
