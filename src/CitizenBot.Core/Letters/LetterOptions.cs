namespace CitizenBot.Core.Letters;

/// <summary>How far back the letter sweep looks for events.</summary>
public sealed record LetterOptions
{
    /// <summary>Events older than this get no letter: a first import of years of history congratulates no one.</summary>
    public int LookbackDays { get; init; } = 30;
}
