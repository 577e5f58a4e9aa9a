namespace CitizenBot.Core.Sweeps;

/// <summary>
/// A recurring job of a feature slice: its id (the Hangfire recurring job's, the officers' "run now"),
/// its schedule in the commune's time zone, and the run. The slice registers it with
/// <see cref="SweepServiceCollectionExtensions.AddSweep{T}"/>; the host gives Hangfire one recurring job per sweep.
/// </summary>
public interface ISweep
{
    string Id { get; }

    /// <summary>A cron expression, read in the commune's time zone.</summary>
    string Cron { get; }

    /// <summary>The run queues messages: the job sends what is due right after it rather than at the next dispatch.</summary>
    bool SendsWhatItQueued => true;

    /// <summary>Long, idempotent housekeeping: retried up to three times, one run at a time for up to ten minutes (not one minute).</summary>
    bool Retried => false;

    /// <summary>Runs once and returns how many items it handled.</summary>
    int Run();

    /// <summary>The job's entry point; a sweep that must send between rounds overrides it.</summary>
    Task RunAsync(CancellationToken ct)
    {
        Run();
        return Task.CompletedTask;
    }
}
