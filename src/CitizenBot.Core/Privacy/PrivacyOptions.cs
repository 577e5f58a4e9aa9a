namespace CitizenBot.Core.Privacy;

public sealed record PrivacyOptions
{
    /// <summary>Months after which conversations, messages, follows, bookings, questions and ratings are forgotten.</summary>
    public int RetentionMonths { get; init; } = 24;
}
