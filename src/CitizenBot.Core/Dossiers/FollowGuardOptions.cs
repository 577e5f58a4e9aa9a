namespace CitizenBot.Core.Dossiers;

/// <summary>How many wrong phone checks one dossier tolerates, from every chat and channel together, before following it is locked.</summary>
public sealed record FollowGuardOptions
{
    /// <summary>Wrong guesses at one dossier's last four phone digits within <see cref="Window"/> that lock following it (Limits:FollowGuessesPerDossier).</summary>
    public int GuessesPerDossier { get; init; } = 5;

    public TimeSpan Window { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How long following the dossier stays locked, for everyone, the applicant included (Limits:FollowLockHours).</summary>
    public TimeSpan LockPeriod { get; init; } = TimeSpan.FromHours(24);
}
