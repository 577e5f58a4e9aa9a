using CitizenBot.Core.Messaging;
using CitizenBot.Core.Summaries;
using CitizenBot.Core.Sweeps;
using Hangfire;

namespace CitizenBot.Host.Jobs;

/// <summary>
/// The one Hangfire entry point of the slices' sweeps: the job names the sweep by its id, so a sweep is added by its
/// slice alone. Each sweep runs one at a time (the lock is per sweep id) and may run twice without harm.
/// </summary>
public sealed class SweepJob(IEnumerable<ISweep> sweeps, OutboxDispatcher dispatcher)
{
    private readonly Dictionary<string, ISweep> _sweeps = sweeps.ToDictionary(s => s.Id);

    /// <summary>Runs a sweep, then sends what it queued rather than waiting for the next dispatch.</summary>
    [DisableConcurrentExecution("sweep:{0}", 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string sweepId, CancellationToken ct) => RunThenSendAsync(sweepId, ct);

    /// <summary>A long, idempotent sweep (<see cref="ISweep.Retried"/>): retried, one run at a time for up to ten minutes.</summary>
    [DisableConcurrentExecution("sweep:{0}", 600)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunRetriedAsync(string sweepId, CancellationToken ct) => RunThenSendAsync(sweepId, ct);

    /// <summary>
    /// The monthly summary keeps the entry point name its recurring job has always had (a retried sweep like any other),
    /// so the job stored by an earlier version runs unchanged.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public Task SendMonthlySummaryAsync(CancellationToken ct) => RunThenSendAsync(MonthlySummarySweep.JobId, ct);

    /// <summary>A sweep queues into the outbox; what it queued is sent at once rather than at the next dispatch.</summary>
    private async Task RunThenSendAsync(string sweepId, CancellationToken ct)
    {
        var sweep = _sweeps.GetValueOrDefault(sweepId) ?? throw new InvalidOperationException($"No sweep is registered as \"{sweepId}\".");
        await sweep.RunAsync(ct);
        if (sweep.SendsWhatItQueued)
        {
            await dispatcher.DispatchDueAsync(ct);
        }
    }

    /// <summary>One recurring job per registered sweep, with its id and schedule, in the commune's time zone.</summary>
    public static void Register(IRecurringJobManager jobs, IEnumerable<ISweep> sweeps, RecurringJobOptions options)
    {
        foreach (var sweep in sweeps)
        {
            var id = sweep.Id;
            if (id == MonthlySummarySweep.JobId)
            {
                jobs.AddOrUpdate<SweepJob>(id, j => j.SendMonthlySummaryAsync(CancellationToken.None), sweep.Cron, options);
            }
            else if (sweep.Retried)
            {
                jobs.AddOrUpdate<SweepJob>(id, j => j.RunRetriedAsync(id, CancellationToken.None), sweep.Cron, options);
            }
            else
            {
                jobs.AddOrUpdate<SweepJob>(id, j => j.RunAsync(id, CancellationToken.None), sweep.Cron, options);
            }
        }
    }
}
