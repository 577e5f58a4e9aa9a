using CitizenBot.Core.Messaging;

namespace CitizenBot.Core.Summaries;

/// <summary>Where the monthly summary goes besides every leader.</summary>
public sealed record SummaryOptions
{
    /// <summary>The leaders' group chat that receives the monthly summary besides every leader.</summary>
    public ChatAddress? LeadersChat { get; init; }
}
