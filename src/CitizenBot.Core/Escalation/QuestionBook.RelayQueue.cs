using System.Security.Cryptography;
using System.Text;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using LiteDB;

namespace CitizenBot.Core.Escalation;

/// <summary>What one pass of the relay queue put in the outbox for the officers.</summary>
public readonly record struct RelayRound(int Relayed, int Held, int Digests)
{
    public int Messages => Relayed + Digests;
}

/// <summary>
/// The relay queue. Questions wait in the database, not in the outbox: a relay enters the outbox only when the
/// officers' chat has fewer than <see cref="EscalationOptions.RelaysInFlight"/> waiting, so each pick can be fair,
/// one sender's oldest question at a time, the sender served least recently first. At most
/// <see cref="EscalationOptions.RelaysPerHour"/> are relayed on their own in a clock hour; the questions over the
/// cap are held and listed in one digest when the hour is over. Each pick changes the question and adds its keyed
/// outbox message in one transaction, so a crash neither loses a question nor relays one twice.
/// </summary>
public sealed partial class QuestionBook
{
    /// <summary>The outbox key of the digest of the questions held in one hour.</summary>
    public static string DigestKey(DateTimeOffset period) => $"questions-digest:{period.UtcDateTime:yyyyMMddHH}";

    /// <summary>The clock hour a moment falls in: the period the hourly cap counts.</summary>
    public static DateTimeOffset PeriodOf(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>
    /// A short keyed hash of the sender (HMAC under the identity key), so the data file shows no client address and the
    /// small IPv4 space cannot be tried against it without the key.
    /// </summary>
    public string SenderHash(string? senderKey, ChatAddress from) =>
        "s-" + _seal.Hash("question-sender:" + (string.IsNullOrWhiteSpace(senderKey) ? from.Key : senderKey))[..16];

    /// <summary>One pass of the queue: digests of past hours, then fair relays while there is room. Safe to run twice.</summary>
    public RelayRound RelayDue() => _db.WriteTransaction(tx => RelayDue(tx, _time.GetUtcNow()));

    private RelayRound RelayDue(LiteDatabase tx, DateTimeOffset now)
    {
        if (_options.OfficersChat is not { } officers)
        {
            return default;
        }

        var col = tx.GetCollection<OfficerQuestion>(CollectionName);
        var period = PeriodOf(now);
        var digests = SendDigests(col, tx, officers, period, now);

        var relayedThisHour = col.Count(Query.GTE(nameof(OfficerQuestion.RelayedAt), period.UtcDateTime));
        var room = Math.Min(_options.RelaysInFlight - RelaysWaiting(tx, officers), _options.RelaysPerHour - relayedThisHour);
        var queued = col.Find(q => q.Relay == RelayState.Queued).Where(q => q.Status == OfficerQuestionStatus.Open).ToList();
        var relayed = 0;
        if (room > 0 && queued.Count > 0)
        {
            foreach (var question in FairOrder(col, queued, now).Take(room))
            {
                question.Relay = RelayState.Relayed;
                question.RelayedAt = now;
                question.LastAnnouncedAt = now;
                col.Update(question);
                var phone = _directory.Select(d => d.PhoneOf(question.AddressKey)).FirstOrDefault(p => p is not null);
                Outbox.AddNew(tx, [OutboxMessage.Create(RelayKey(question.Tag, 1), officers,
                    new OutgoingMessage(EscalationTexts.Relay(question, question.FlowName, phone)), now)]);
                relayed++;
            }
        }

        var held = 0;
        if (relayedThisHour + relayed >= _options.RelaysPerHour)
        {
            foreach (var question in queued.Where(q => q.Relay == RelayState.Queued))
            {
                question.Relay = RelayState.Held;
                question.HeldInPeriod = period;
                col.Update(question);
                held++;
            }
        }

        return new RelayRound(relayed, held, digests);
    }

    /// <summary>Question relays (first or repeated) to the officers' chat still waiting in the outbox.</summary>
    private static int RelaysWaiting(LiteDatabase tx, ChatAddress officers) =>
        tx.GetCollection<OutboxMessage>(Outbox.CollectionName)
            .Find(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .Count(m => m.AddressKey == officers.Key && m.Key.StartsWith("question:", StringComparison.Ordinal));

    /// <summary>
    /// Round-robin over senders: each time, the sender served least recently (never, first) gives their oldest
    /// question. One sender with a hundred questions waiting takes every other turn at most.
    /// </summary>
    private static IEnumerable<OfficerQuestion> FairOrder(ILiteCollection<OfficerQuestion> col, List<OfficerQuestion> queued, DateTimeOffset now)
    {
        var lastServed = col.Find(Query.GTE(nameof(OfficerQuestion.RelayedAt), now.AddDays(-1).UtcDateTime))
            .GroupBy(q => q.SenderKey)
            .ToDictionary(g => g.Key, g => (At: g.Max(q => q.RelayedAt!.Value), Turn: 0));
        var waiting = queued.GroupBy(q => q.SenderKey)
            .ToDictionary(g => g.Key, g => new Queue<OfficerQuestion>(g.OrderBy(q => q.AskedAt).ThenBy(q => q.Id)));
        var turn = 0;
        while (waiting.Count > 0)
        {
            var sender = waiting
                .OrderBy(w => lastServed.TryGetValue(w.Key, out var served) ? served : (At: DateTimeOffset.MinValue, Turn: 0))
                .ThenBy(w => w.Value.Peek().AskedAt)
                .ThenBy(w => w.Value.Peek().Id)
                .First();
            var next = sender.Value.Dequeue();
            if (sender.Value.Count == 0)
            {
                waiting.Remove(sender.Key);
            }

            lastServed[sender.Key] = (now, ++turn);
            yield return next;
        }
    }

    /// <summary>One digest per past hour of the questions its cap held back, listing those still open.</summary>
    private static int SendDigests(ILiteCollection<OfficerQuestion> col, LiteDatabase tx, ChatAddress officers, DateTimeOffset period, DateTimeOffset now)
    {
        var digests = 0;
        var held = col.Find(q => q.Relay == RelayState.Held).Where(q => q.HeldInPeriod is null || PeriodOf(q.HeldInPeriod.Value) < period);
        foreach (var hour in held.GroupBy(q => PeriodOf(q.HeldInPeriod ?? q.AskedAt)).OrderBy(g => g.Key).ToList())
        {
            var waiting = hour.Where(q => q.Status == OfficerQuestionStatus.Open).OrderBy(q => q.AskedAt).ThenBy(q => q.Id).ToList();
            foreach (var question in hour)
            {
                question.Relay = RelayState.Digested;
                question.LastAnnouncedAt = now;
                col.Update(question);
            }

            if (waiting.Count > 0)
            {
                digests += Outbox.AddNew(tx, [OutboxMessage.Create(DigestKey(hour.Key), officers,
                    new OutgoingMessage(EscalationTexts.Digest([.. waiting.Select(q => q.Tag)])), now)]).Count;
            }
        }

        return digests;
    }
}
