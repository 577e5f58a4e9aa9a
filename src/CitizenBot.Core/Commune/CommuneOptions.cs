namespace CitizenBot.Core.Commune;

/// <summary>The commune the bot serves, read from the <c>Commune</c> configuration section.</summary>
public sealed class CommuneOptions
{
    public string Name { get; init; } = "UBND xã Hoằng Kim";

    public IReadOnlyList<string> Villages { get; init; } = [];

    /// <summary>The commune office's phone (Commune:Phone), given to citizens when the bot cannot take more; null when not set.</summary>
    public string? Phone { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
}
