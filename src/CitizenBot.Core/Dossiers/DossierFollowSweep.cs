using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Dossiers;

/// <summary>
/// The Hangfire job that tells followers of every change (the apology for an overdue dossier is a letter, see
/// <see cref="DossierLetterSource"/>). It only
/// enqueues into the outbox under keys derived from the event, so running it twice, or after a crash,
/// never sends a message twice.
/// </summary>
public sealed class DossierFollowSweep(
    CitizenDatabase db,
    FollowBook follows,
    DossierBook dossiers,
    CommuneClock clock,
    CommuneOptions commune,
    ILogger<DossierFollowSweep> logger) : ISweep
{
    public const string JobId = "dossier-follow-sweep";
    string ISweep.Id => JobId;
    string ISweep.Cron => "* * * * *";

    public int Run()
    {
        var queued = 0;
        foreach (var follow in follows.Active())
        {
            var dossier = dossiers.Get(follow.DossierCode);
            if (dossier is null)
            {
                continue;
            }

            var address = ChatAddress.Parse(follow.AddressKey);
            var messages = new List<OutboxMessage>();
            foreach (var change in dossier.History.Where(c => c.Seq > follow.NotifiedSeq))
            {
                var text = change.Kind == DossierChangeKind.DueDateChanged
                    ? DossierNotificationTexts.DueDateChanged(dossier, change, clock)
                    : DossierNotificationTexts.StatusChanged(dossier, change, clock, commune);
                messages.Add(OutboxMessage.Create($"dossier:{dossier.Code}:change:{change.Seq}:{follow.Id}", address, new OutgoingMessage(text), clock.UtcNow));
            }

            if (messages.Count == 0)
            {
                continue;
            }

            queued += db.WriteTransaction(tx =>
            {
                var added = Outbox.AddNew(tx, messages);
                var col = tx.GetCollection<DossierFollow>(FollowBook.CollectionName);
                var current = col.FindById(follow.Id);
                if (current is not null)
                {
                    current.NotifiedSeq = Math.Max(current.NotifiedSeq, dossier.LastSeq);
                    col.Update(current);
                }

                return added.Count;
            });
        }

        if (queued > 0)
        {
            logger.LogInformation("Dossier follow sweep queued {Count} notifications", queued);
        }

        return queued;
    }
}
