using System.Text.RegularExpressions;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Escalation;

/// <summary>Where questions for officers go, and how long one may wait before it is put to them again.</summary>
public sealed class EscalationOptions
{
    public ChatAddress? OfficersChat { get; init; }

    public TimeSpan ReannounceAfter { get; init; } = TimeSpan.FromHours(4);
}

/// <summary>
/// Questions for officers: recorded and relayed to the officers' chat in one transaction; answered from a
/// reply to the relay, a command or the officer page, and the answer queued to the citizen in the same
/// transaction as the record.
/// </summary>
public sealed partial class OfficerQuestions
{
    public const string CollectionName = "officer_questions";
    private readonly CitizenDatabase _db;
    private readonly EscalationOptions _options;
    private readonly IEnumerable<ICitizenDirectory> _directory;
    private readonly Outbox _outbox;
    private readonly TimeProvider _time;

    public OfficerQuestions(CitizenDatabase db, EscalationOptions options, IEnumerable<ICitizenDirectory> directory, Outbox outbox, TimeProvider time)
    {
        _db = db;
        _options = options;
        _directory = directory;
        _outbox = outbox;
        _time = time;
        var col = db.Collection<OfficerQuestion>(CollectionName);
        db.Write(_ =>
        {
            col.EnsureIndex(q => q.Tag, unique: true);
            col.EnsureIndex(q => q.AddressKey);
            col.EnsureIndex(q => q.Status);
            col.EnsureIndex(q => q.AskedAt);
            col.EnsureIndex(q => q.AnsweredAt);
        });
    }

    public EscalationOptions Options => _options;

    /// <summary>The outbox key of a question's relay to the officers (round 1 is the first relay).</summary>
    public static string RelayKey(string tag, int round) => round == 1 ? $"question:{tag}:relay" : $"question:{tag}:relay:{round}";

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
            LastAnnouncedAt = now,
            Status = OfficerQuestionStatus.Open,
        };
        col.Insert(question);
        if (_options.OfficersChat is { } officers)
        {
            var phone = _directory.Select(d => d.PhoneOf(from.Key)).FirstOrDefault(p => p is not null);
            var relay = EscalationTexts.Relay(question, flowName, phone);
            Outbox.AddNew(tx, [OutboxMessage.Create(RelayKey(question.Tag, 1), officers, new OutgoingMessage(relay), now)]);
        }

        return question;
    });

    /// <summary>How many questions a chat has asked since a moment (the daily limit per citizen).</summary>
    public int AskedSince(ChatAddress from, DateTimeOffset since) =>
        _db.Collection<OfficerQuestion>(CollectionName).Find(q => q.AddressKey == from.Key).Count(q => q.AskedAt >= since);

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

    /// <summary>Puts a waiting question to the officers again and, the first time, apologises to the citizen.</summary>
    public bool Reannounce(long id, DateTimeOffset now) => _db.WriteTransaction(tx =>
    {
        var col = tx.GetCollection<OfficerQuestion>(CollectionName);
        var question = col.FindById(id);
        if (question is null || question.Status != OfficerQuestionStatus.Open || now - question.LastAnnouncedAt < _options.ReannounceAfter
            || _options.OfficersChat is not { } officers)
        {
            return false;
        }

        question.Announcements++;
        question.LastAnnouncedAt = now;
        col.Update(question);
        List<OutboxMessage> messages =
        [
            OutboxMessage.Create(RelayKey(question.Tag, question.Announcements), officers,
                new OutgoingMessage(EscalationTexts.Reannounce(question, now - question.AskedAt)), now),
            OutboxMessage.Create($"question:{question.Tag}:late", ChatAddress.Parse(question.AddressKey),
                new OutgoingMessage(EscalationTexts.LateApology(question)), now),
        ];
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
