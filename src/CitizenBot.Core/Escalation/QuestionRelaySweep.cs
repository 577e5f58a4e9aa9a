using CitizenBot.Core.Messaging;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Core.Escalation;

/// <summary>
/// The Hangfire job that moves the relay queue on: the next questions, fairly between senders, once the officers'
/// chat has taken the previous relay, and the digest of an hour's held questions once that hour is over. Every
/// step is keyed in the outbox and recorded on the question in the same transaction, so a second run, or a run
/// after a crash, relays nothing twice and loses nothing.
/// </summary>
public sealed class QuestionRelaySweep(QuestionBook questions, OutboxDispatcher dispatcher, ILogger<QuestionRelaySweep> logger) : ISweep
{
    public const string JobId = "question-relay";
    string ISweep.Id => JobId;
    string ISweep.Cron => "* * * * *";

    /// <summary>It sends each round itself, to the officers' chat only.</summary>
    bool ISweep.SendsWhatItQueued => false;

    /// <summary>Relay-then-send rounds in one run (bounded; the next run goes on).</summary>
    public const int RoundsPerRun = 10;

    /// <summary>The officers' chat, where the job sends what a round queued before the next round.</summary>
    public ChatAddress? OfficersChat => questions.Options.OfficersChat;

    /// <summary>One pass; returns how many messages it queued for the officers.</summary>
    public int Run()
    {
        var round = questions.RelayDue();
        if (round.Digests > 0)
        {
            // One line per capped hour, when its digest goes; counts only, never who asked.
            logger.LogWarning("The hourly cap on question relays was reached: {Digests} digest(s) of the held questions queued for the officers", round.Digests);
        }

        return round.Messages;
    }

    /// <summary>Moves the relay queue on: relay the next questions fairly between senders (one waiting at a time), send, repeat a bounded number of rounds.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        for (var round = 0; round < RoundsPerRun && Run() > 0 && OfficersChat is { } officers; round++)
        {
            await dispatcher.DispatchChatAsync(officers.Key, ct);
        }
    }
}
