namespace CitizenBot.Host.Configuration;

/// <summary>The <c>Limits</c> section: how much one person, sender, dossier or client address may do.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    public int TurnsPerMinute { get; set; } = 30;

    public int QuestionsPerDay { get; set; } = 5;

    public int FollowGuessesPerDossier { get; set; } = 5;

    public int FollowLockHours { get; set; } = 24;

    public int LookupsPerHour { get; set; } = 20;

    public int WebConversationsPerHour { get; set; } = 30;

    public int WebTurnsPerMinute { get; set; } = 60;

    public int WebReadsPerMinute { get; set; } = 240;

    public int WebPhotosPerHour { get; set; } = 30;

    public int QuestionsPerSenderPerDay { get; set; } = 20;

    public int RelaysPerHour { get; set; } = 30;
}

/// <summary>The ranges of the <c>Limits</c> section.</summary>
public sealed class LimitsValidator(IConfiguration config) : RangeValidator<LimitsOptions>(config, LimitsOptions.Section,
[
    (nameof(LimitsOptions.TurnsPerMinute), 5, 10_000),
    (nameof(LimitsOptions.QuestionsPerDay), 1, 1_000),
    (nameof(LimitsOptions.FollowGuessesPerDossier), 1, 100),
    (nameof(LimitsOptions.FollowLockHours), 1, 720),
    (nameof(LimitsOptions.LookupsPerHour), 1, 10_000),
    (nameof(LimitsOptions.WebConversationsPerHour), 1, 100_000),
    (nameof(LimitsOptions.WebTurnsPerMinute), 1, 100_000),
    (nameof(LimitsOptions.WebReadsPerMinute), 1, 100_000),
    (nameof(LimitsOptions.WebPhotosPerHour), 1, 10_000),
    (nameof(LimitsOptions.QuestionsPerSenderPerDay), 1, 10_000),
    (nameof(LimitsOptions.RelaysPerHour), 1, 1_000),
]);
