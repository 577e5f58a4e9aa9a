using CitizenBot.Core.Sweeps;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Conversations;

/// <summary>
/// Forgets conversations that never did anything, a day after their last turn: at most one turn taken (the
/// greeting and menu), and nothing of theirs in any other slice (no booking, petition, follow, question, rating,
/// subscription or letter). Their messages in the outbox go with them. Run hourly; running twice does no harm.
/// </summary>
public sealed class EmptyConversationSweep(CitizenDatabase db, IEnumerable<IPersonalDataHolder> holders, TimeProvider time, ILogger<EmptyConversationSweep> logger) : ISweep
{
    public const string JobId = "empty-conversations";
    string ISweep.Id => JobId;
    string ISweep.Cron => "30 * * * *";
    bool ISweep.SendsWhatItQueued => false;
    bool ISweep.Retried => true;

    /// <summary>A conversation that took more turns than this has done something and is kept for the retention period.</summary>
    public const int MaxTurns = 1;

    public static readonly TimeSpan IdleFor = TimeSpan.FromHours(24);

    private const int BatchSize = 200;

    /// <summary>The most one run looks at; the rest waits for the next hour.</summary>
    private const int MaxPerRun = 20_000;

    private readonly IPersonalDataHolder[] _others = [.. holders.Where(h => h is not ConversationPersonalData and not OutboxPersonalData)];

    public int Run()
    {
        var cutoff = time.GetUtcNow() - IdleFor;
        var col = db.Collection<ConversationRecord>(ConversationStore.CollectionName);
        db.Write(_ => col.EnsureIndex(c => c.UpdatedAt));
        var candidates = col.Query()
            .Where(c => c.UpdatedAt < cutoff && c.Turns <= MaxTurns)
            .Select(c => c.Id)
            .Limit(MaxPerRun)
            .ToList();
        var removed = 0;
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            var empty = batch.Where(id => !HasRecords(id)).ToList();
            // Delete in small batches to avoid massive WAL files, and to let turns in between.
            removed += db.WriteTransaction(tx =>
            {
                var conversations = tx.GetCollection<ConversationRecord>(ConversationStore.CollectionName);
                var outbox = tx.GetCollection<OutboxMessage>(Outbox.CollectionName);
                var count = 0;
                foreach (var id in empty)
                {
                    // Checked again inside the unit of work: a turn may have arrived since the query.
                    if (conversations.FindById(id) is { Turns: <= MaxTurns } record && record.UpdatedAt < cutoff)
                    {
                        outbox.DeleteMany(m => m.AddressKey == id);
                        conversations.Delete(id);
                        count++;
                    }
                }

                return count;
            });
        }

        if (removed > 0)
        {
            logger.LogInformation("Forgot {Count} conversations that did nothing for {Hours} hours", removed, IdleFor.TotalHours);
        }

        return removed;
    }

    private bool HasRecords(string id)
    {
        var who = ChatAddress.Parse(id);
        return _others.Any(h => h.Records(who).Any());
    }
}
