using System.Text.RegularExpressions;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Escalation;

/// <summary>
/// Questions for officers: recorded and put in the fair relay queue in one transaction (relayed at once when
/// the officers' chat has nothing waiting); answered from a reply to the relay, a command or the officer page,
/// and the answer queued to the citizen in the same transaction as the record.
/// </summary>
public sealed partial class QuestionBook
{
    public const string CollectionName = "officer_questions";
    private readonly CitizenDatabase _db;
    private readonly EscalationOptions _options;
    private readonly IEnumerable<ICitizenDirectory> _directory;
    private readonly Outbox _outbox;
    private readonly TimeProvider _time;
    private readonly DataSeal _seal;

    public QuestionBook(CitizenDatabase db, EscalationOptions options, IEnumerable<ICitizenDirectory> directory, Outbox outbox, TimeProvider time, DataSeal seal)
    {
        _seal = seal;
        _db = db;
        _options = options;
        _directory = directory;
        _outbox = outbox;
        _time = time;
        db.EnsureIndexes<OfficerQuestion>(CollectionName, col =>
        {
            col.EnsureIndex(q => q.Tag, unique: true);
            col.EnsureIndex(q => q.AddressKey);
            col.EnsureIndex(q => q.Status);
            col.EnsureIndex(q => q.AskedAt);
            col.EnsureIndex(q => q.AnsweredAt);
            col.EnsureIndex(q => q.SenderKey);
            col.EnsureIndex(q => q.Relay);
            col.EnsureIndex(q => q.RelayedAt);
        });
    }

    public EscalationOptions Options => _options;

    /// <summary>The outbox key of a question's relay to the officers (round 1 is the first relay).</summary>
    public static string RelayKey(string tag, int round) => round == 1 ? $"question:{tag}:relay" : $"question:{tag}:relay:{round}";

    /// <param name="senderKey">Who sent it (<c>telegram-user:42</c>, <c>web-ip:203.0.113.5</c>); the conversation when unknown.</param>
    public OfficerQuestion Ask(ChatAddress from, string text, string fromFlow, string flowName, string? senderKey = null) =>
        Ask(from, text, fromFlow, flowName, senderKey, quota: null).Question!;

    /// <summary>
    /// Records a question unless the conversation or the sender has used its daily quota; the count and the insert
    /// share one transaction, so conversations asking at the same moment cannot all slip under the limit.
    /// </summary>
    public (OfficerQuestion? Question, QuotaRefusal Refusal) Ask(ChatAddress from, string text, string fromFlow, string flowName, string? senderKey, QuestionQuota? quota) =>
        _db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<OfficerQuestion>(CollectionName);
            var now = _time.GetUtcNow();
            var sender = SenderHash(senderKey, from);
            if (quota is { } limits)
            {
                var since = now.AddDays(-1);
                if (col.Find(q => q.AddressKey == from.Key).Count(q => q.AskedAt >= since) >= limits.PerConversation)
                {
                    return ((OfficerQuestion?)null, QuotaRefusal.Conversation);
                }

                if (col.Find(q => q.SenderKey == sender).Count(q => q.AskedAt >= since) >= limits.PerSender)
                {
                    return (null, QuotaRefusal.Sender);
                }
            }

            var question = new OfficerQuestion
            {
                Tag = NewTag(col),
                AddressKey = from.Key,
                SenderKey = sender,
                Text = text,
                FromFlow = fromFlow,
                FlowName = flowName,
                AskedAt = now,
                LastAnnouncedAt = now,
                Status = OfficerQuestionStatus.Open,
                Relay = RelayState.Queued,
            };
            col.Insert(question);

            // The enqueue step: relayed now when the officers' chat has nothing waiting, else the queue picks it in turn.
            RelayDue(tx, now);
            return (col.FindById(question.Id), QuotaRefusal.None);
        });

    /// <summary>How many questions a chat has asked since a moment (the daily limit per citizen).</summary>
    public int AskedSince(ChatAddress from, DateTimeOffset since) =>
        _db.Collection<OfficerQuestion>(CollectionName).Find(q => q.AddressKey == from.Key).Count(q => q.AskedAt >= since);

    /// <summary>Whether a conversation or its sender has used the daily quota (checked before asking for the question).</summary>
    public QuotaRefusal QuotaUsed(ChatAddress from, string? senderKey, QuestionQuota quota)
    {
        var since = _time.GetUtcNow().AddDays(-1);
        var col = _db.Collection<OfficerQuestion>(CollectionName);
        if (AskedSince(from, since) >= quota.PerConversation)
        {
            return QuotaRefusal.Conversation;
        }

        var sender = SenderHash(senderKey, from);
        return col.Find(q => q.SenderKey == sender).Count(q => q.AskedAt >= since) >= quota.PerSender ? QuotaRefusal.Sender : QuotaRefusal.None;
    }

    public OfficerQuestion? Get(string tag) => _db.Collection<OfficerQuestion>(CollectionName).FindOne(q => q.Tag == NormalizeTag(tag));

    public List<OfficerQuestion> Open() => [.. _db.Collection<OfficerQuestion>(CollectionName).Find(q => q.Status == OfficerQuestionStatus.Open).OrderBy(q => q.Id)];

    /// <summary>The question a message in the officers' chat relayed, found by the message id Telegram gave it.</summary>
    public OfficerQuestion? ByRelayMessage(ChatAddress officersChat, string messageId)
    {
        var relay = _outbox.FindSent(officersChat.Key, messageId);
        var match = relay is null ? Match.Empty : RelayKeyPattern().Match(relay.Key);
        return match.Success ? Get(match.Groups[1].Value) : null;
    }

    /// <summary>Records the answer and queues it to the citizen; a question is answered once.</summary>
    public (AnswerOutcome Outcome, OfficerQuestion? Question) Answer(string tag, string answer, string answeredAs, string actor) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<OfficerQuestion>(CollectionName);
        var normalized = NormalizeTag(tag);
        var question = col.FindOne(q => q.Tag == normalized);
        if (question is null)
        {
            return (AnswerOutcome.NotFound, (OfficerQuestion?)null);
        }

        if (question.Status == OfficerQuestionStatus.Answered)
        {
            return (AnswerOutcome.AlreadyAnswered, question);
        }

        if (question.Status == OfficerQuestionStatus.Dismissed)
        {
            return (AnswerOutcome.Dismissed, question);
        }

        var now = _time.GetUtcNow();
        question.Status = OfficerQuestionStatus.Answered;
        question.Answer = answer.Trim();
        question.AnsweredAt = now;
        question.AnsweredAs = answeredAs;
        question.AnsweredBy = actor;
        col.Update(question);
        Outbox.AddNew(tx, [OutboxMessage.Create($"question:{question.Tag}:answer", ChatAddress.Parse(question.AddressKey),
            new OutgoingMessage(EscalationTexts.AnswerToCitizen(question)), now)]);
        AuditLog.Add(tx, now, actor, "question.answer", question.Tag);
        return (AnswerOutcome.Answered, question);
    });

    /// <summary>
    /// Puts a waiting question to the officers again and, the first time, apologises to the citizen. A question the
    /// officers saw only in a digest gets the apology alone: putting each one to them again would undo the hourly cap.
    /// </summary>
    public bool Reannounce(long id, DateTimeOffset now) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<OfficerQuestion>(CollectionName);
        var question = col.FindById(id);
        if (question is null || question.Status != OfficerQuestionStatus.Open || now - question.LastAnnouncedAt < _options.ReannounceAfter
            || question.Relay is RelayState.Queued or RelayState.Held || (question.Relay == RelayState.Digested && question.Announcements > 1)
            || _options.OfficersChat is not { } officers)
        {
            return false;
        }

        question.Announcements++;
        question.LastAnnouncedAt = now;
        col.Update(question);
        List<OutboxMessage> messages =
        [
            OutboxMessage.Create($"question:{question.Tag}:late", ChatAddress.Parse(question.AddressKey),
                new OutgoingMessage(EscalationTexts.LateApology(question)), now),
        ];
        if (question.Relay == RelayState.Relayed)
        {
            messages.Insert(0, OutboxMessage.Create(RelayKey(question.Tag, question.Announcements), officers,
                new OutgoingMessage(EscalationTexts.Reannounce(question, now - question.AskedAt)), now));
        }

        Outbox.AddNew(tx, messages);
        return true;
    });

    public static string NormalizeTag(string tag)
    {
        var t = tag.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        return t.StartsWith("Q-", StringComparison.Ordinal) ? t : "Q-" + t.TrimStart('Q');
    }

    [GeneratedRegex("^question:(Q-[0-9A-F]+):relay")]
    private static partial Regex RelayKeyPattern();

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
