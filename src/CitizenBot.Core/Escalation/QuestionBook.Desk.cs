using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;

namespace CitizenBot.Core.Escalation;

/// <summary>
/// The desk's side of the questions, for the officer console: the waiting ones oldest first, the ones already dealt with,
/// and setting a question aside as junk or as a duplicate. A dismissed question is neither waiting nor answered: the relay
/// queue and the reminders skip it, and the summary does not count it as answered.
/// </summary>
public sealed partial class QuestionBook
{
    /// <summary>Questions still waiting, oldest first (the one waiting longest is the first to answer).</summary>
    public List<OfficerQuestion> Waiting() =>
        [.. _db.Collection<OfficerQuestion>(CollectionName).Find(q => q.Status == OfficerQuestionStatus.Open).OrderBy(q => q.AskedAt).ThenBy(q => q.Id)];

    /// <summary>The latest questions answered or set aside, newest first (bounded).</summary>
    public List<OfficerQuestion> Handled(int count) =>
        [.. _db.Collection<OfficerQuestion>(CollectionName)
            .Find(q => q.Status != OfficerQuestionStatus.Open)
            .OrderByDescending(q => q.AnsweredAt ?? q.DismissedAt ?? q.AskedAt)
            .Take(count)];

    /// <summary>
    /// Sets a question aside. Junk: the citizen is told nothing. Duplicate: only of a question from the same conversation
    /// (the citizen asked twice), and the citizen gets one short note pointing to the question that gets the answer; a
    /// question from another citizen is refused, so no one is left without an answer. The change, the note and the audit
    /// entry share one transaction.
    /// </summary>
    public (DismissOutcome Outcome, OfficerQuestion? Question) Dismiss(string tag, QuestionDismissal reason, string? duplicateOf, string actor) =>
        _db.WriteTransaction(tx =>
        {
            var col = tx.GetCollection<OfficerQuestion>(CollectionName);
            var normalized = NormalizeTag(tag);
            var question = col.FindOne(q => q.Tag == normalized);
            if (question is null)
            {
                return (DismissOutcome.NotFound, (OfficerQuestion?)null);
            }

            if (question.Status != OfficerQuestionStatus.Open)
            {
                return (DismissOutcome.NotOpen, question);
            }

            OfficerQuestion? original = null;
            if (reason == QuestionDismissal.Duplicate)
            {
                var originalTag = NormalizeTag(duplicateOf ?? "");
                original = originalTag == normalized ? null : col.FindOne(q => q.Tag == originalTag);
                if (original is null || original.Status == OfficerQuestionStatus.Dismissed)
                {
                    return (DismissOutcome.OriginalNotFound, question);
                }

                if (original.AddressKey != question.AddressKey || question.AddressKey.Length == 0)
                {
                    return (DismissOutcome.OriginalFromAnotherCitizen, question);
                }
            }

            var now = _time.GetUtcNow();
            question.Status = OfficerQuestionStatus.Dismissed;
            question.DismissedAs = reason;
            question.DuplicateOf = original?.Tag;
            question.DismissedAt = now;
            question.DismissedBy = actor;
            col.Update(question);
            if (original is not null)
            {
                Outbox.AddNew(tx, [OutboxMessage.Create($"question:{question.Tag}:duplicate", ChatAddress.Parse(question.AddressKey),
                    new OutgoingMessage(EscalationTexts.DuplicateNote(question, original)), now)]);
            }

            AuditLog.Add(tx, now, actor, reason == QuestionDismissal.Junk ? "question.dismiss.junk" : "question.dismiss.duplicate",
                original is null ? question.Tag : $"{question.Tag} -> {original.Tag}");
            return (DismissOutcome.Dismissed, question);
        });
}
